package dev.trestle.trace.x86;

/** The {@code 0f xx} opcodes covered: syscall, ud2, endbr64, the multi-byte NOPs and jcc rel32. */
final class TwoByteOpcodes {
    private TwoByteOpcodes() {}

    static Instruction decode(Decoding d, int op) {
        if (op >= 0x80 && op <= 0x8f) {
            return Branches.relative(d, Branches.conditionName(op & 0xf), d.s32());
        }
        return switch (op) {
            case 0x04 -> d.finish("(bad)", "");
            case 0x05 -> d.finish("syscall", "");
            case 0x0b -> d.finish("ud2", "");
            case 0x1e -> endbr(d);
            case 0x1f -> nop(d);
            default -> null;
        };
    }

    /** {@code f3 0f 1e fa}: the CET landing pad at function entries of kernels built with IBT. */
    private static Instruction endbr(Decoding d) {
        if (!d.repz || d.rex != 0 || d.dataPrefixes > 0 || d.u8() != 0xfa) {
            return null;
        }
        d.repz = false;
        return d.finish("endbr64", "");
    }

    /** {@code 0f 1f /0}: the NOPs compilers pad with, and the 5-byte one ftrace writes over mcount/fentry calls. */
    private static Instruction nop(Decoding d) {
        int size = d.operandSize();
        ModRm m = new ModRm(d);
        if (m.extension() != 0) {
            return null;
        }
        return d.finish(m.isRegister() ? "nop" : "nop" + Decoding.suffix(size), m.rm(size));
    }
}
