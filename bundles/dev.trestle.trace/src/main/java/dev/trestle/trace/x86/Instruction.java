package dev.trestle.trace.x86;

import static java.util.Objects.requireNonNull;

/**
 * One decoded instruction, spelled as binutils {@code objdump -d} spells it in AT&T syntax so that the two can be
 * compared textually. {@code mnemonic} includes prefix words objdump prints in front of it ({@code "cs nopw"},
 * {@code "repz ret"}); bytes that do not decode yield {@code (bad)} or {@code .byte 0x..} as objdump would.
 *
 * @param address where the first byte sits
 * @param hex the instruction's bytes, lower-case, separated by single spaces
 * @param mnemonic e.g. {@code call}, {@code addq}, {@code (bad)}, {@code .byte}
 * @param operands AT&T order (source first), empty if none
 * @param comment objdump's {@code # 0x...} note for RIP-relative operands (the absolute address), else empty
 */
public record Instruction(long address, String hex, String mnemonic, String operands, String comment) {
    public Instruction {
        requireNonNull(hex, "hex");
        requireNonNull(mnemonic, "mnemonic");
        requireNonNull(operands, "operands");
        requireNonNull(comment, "comment");
    }

    /** Number of bytes the instruction occupies. */
    public int length() {
        return hex.isEmpty() ? 0 : (hex.length() + 1) / 3;
    }

    /** The friendly one-space form, e.g. {@code call 0xffffffffa0503f58} or {@code mov 0x10(%rip),%eax # 0x1016}. */
    public String text() {
        StringBuilder text = new StringBuilder(mnemonic);
        if (!operands.isEmpty()) {
            text.append(' ').append(operands);
        }
        if (!comment.isEmpty()) {
            text.append(" # ").append(comment);
        }
        return text.toString();
    }

    /** True for bytes the decoder could not turn into an instruction ({@code (bad)} or {@code .byte}). */
    public boolean undecoded() {
        return mnemonic.endsWith("(bad)") || mnemonic.equals(".byte");
    }

    @Override
    public String toString() {
        return String.format("%x: %s", address, text());
    }
}
