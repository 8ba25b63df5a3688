package dev.trestle.trace.x86;

/** Relative branches, returns and the two-byte opcodes kernel code patches in (ud2, endbr64, the long NOPs). */
final class Branches {
    private static final String[] CONDITIONS = {
        "o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"
    };

    private Branches() {}

    static String conditionName(int condition) {
        return "j" + CONDITIONS[condition];
    }

    /** The target is printed absolute, relative to the end of the instruction, wrapping at 64 bits. */
    static Instruction relative(Decoding d, String name, long displacement) {
        return d.finish(name, Decoding.address(d.next() + displacement));
    }

    /** {@code popBytes} is -1 for the plain {@code ret}. */
    static Instruction ret(Decoding d, long popBytes) {
        String name = d.dataPrefixes > 0 ? "retw" : "ret";
        if (d.dataPrefixes > 0) {
            d.dataPrefixes = 0;
        }
        return d.finish(name, popBytes < 0 ? "" : "$0x" + Long.toHexString(popBytes));
    }
}
