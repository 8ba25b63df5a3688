package dev.trestle.trace.x86;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of decoding one instruction: a cursor over the bytes plus the prefixes seen. Reading past the end throws
 * {@link Truncated}, which {@link X86Decoder} turns into objdump's {@code .byte} output; that keeps every opcode form
 * free of length checks.
 */
final class Decoding {
    /** Control flow only: an instruction ran past the end of the bytes. Carries no stack trace. */
    static final class Truncated extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Truncated() {
            super("instruction runs past the end of the bytes", null, false, false);
        }
    }

    private final byte[] code;
    private final int start;
    private final long address;
    private int pos;
    int rex;
    /**
     * REX bits an operand actually consumed (plus 0x40 once any was, or a byte register needed REX). objdump prints a
     * REX prefix with an unconsumed bit as a word ({@code rex.W push %rbp}); so do we.
     */
    private int rexUsed;

    int dataPrefixes;
    boolean repz;
    boolean repnz;
    String segment = "";
    final List<String> prefixWords = new ArrayList<>();
    /** Set when a memory operand is RIP-relative; the absolute address is known only once the length is. */
    Long ripDisplacement;

    private boolean segmentUsed;

    Decoding(byte[] code, int start, long address) {
        this.code = code;
        this.start = start;
        this.address = address;
        this.pos = start;
    }

    int u8() {
        if (pos >= code.length) {
            throw new Truncated();
        }
        return code[pos++] & 0xff;
    }

    int peek() {
        return pos < code.length ? code[pos] & 0xff : -1;
    }

    long s8() {
        return (byte) u8();
    }

    long u16() {
        return u8() | (u8() << 8);
    }

    long s32() {
        return u8() | (u8() << 8) | (u8() << 16) | (u8() << 24);
    }

    long u64() {
        return (s32() & 0xffffffffL) | (s32() << 32);
    }

    int length() {
        return pos - start;
    }

    /** Address of the next instruction: the base of relative branches and RIP-relative operands. */
    long next() {
        return address + length();
    }

    /** Whether REX.W is set, without consuming it. */
    boolean hasRexW() {
        return (rex & 8) != 0;
    }

    /** The REX bit {@code bit} (8 W, 4 R, 2 X, 1 B) as the register-number extension 8 or 0; marks it consumed. */
    int useRex(int bit) {
        if ((rex & bit) == 0) {
            return 0;
        }
        rexUsed |= bit | 0x40;
        return 8;
    }

    int rexR() {
        return useRex(4);
    }

    int rexX() {
        return useRex(2);
    }

    int rexB() {
        return useRex(1);
    }

    /** A general register; byte registers 4-7 depend on whether any REX prefix is present. */
    String register(int number, int size) {
        if (size == 8 && (number & 4) != 0) {
            rexUsed |= 0x40;
        }
        return Registers.name(number, size, rex != 0);
    }

    /** Operand size of a {@code v} operand: REX.W beats 0x66. */
    int operandSize() {
        return useRex(8) != 0 ? 64 : dataPrefixes > 0 ? 16 : 32;
    }

    /** Operand size of push and pop, which default to 64 bits in long mode; REX.W does not matter to them. */
    int stackSize() {
        return dataPrefixes > 0 ? 16 : 64;
    }

    /** Only fs and gs still relocate addresses in 64-bit mode; objdump prints cs/ds/es/ss as a bare prefix word. */
    String segmentOverride() {
        segmentUsed = segment.equals("fs") || segment.equals("gs");
        return segmentUsed ? "%" + segment + ":" : "";
    }

    static String suffix(int size) {
        return switch (size) {
            case 8 -> "b";
            case 16 -> "w";
            case 32 -> "l";
            default -> "q";
        };
    }

    /** An immediate of {@code size} bits, printed as objdump does: the two's complement at that width. */
    static String immediate(long value, int size) {
        long masked = size == 64 ? value : value & ((1L << size) - 1);
        return "$0x" + Long.toHexString(masked);
    }

    static String signedHex(long value) {
        return value < 0 ? "-0x" + Long.toHexString(-value) : "0x" + Long.toHexString(value);
    }

    static String address(long value) {
        return "0x" + Long.toHexString(value);
    }

    Instruction finish(String mnemonic, String operands) {
        List<String> words = new ArrayList<>(prefixWords);
        for (int i = 1; i < dataPrefixes; i++) {
            words.add(0, "data16");
        }
        if (!segment.isEmpty() && !segmentUsed) {
            words.add(segment);
        }
        if (repz) {
            words.add("repz");
        }
        if (repnz) {
            words.add("repnz");
        }
        if (rex != 0 && rex != rexUsed) {
            words.add(rexName());
        }
        words.add(mnemonic);
        String comment = ripDisplacement == null ? "" : address(next() + ripDisplacement);
        return new Instruction(address, hex(code, start, length()), String.join(" ", words), operands, comment);
    }

    private String rexName() {
        StringBuilder name = new StringBuilder("rex");
        String bits = "WRXB";
        for (int i = 0; i < 4; i++) {
            if ((rex & (8 >> i)) != 0) {
                name.append(name.length() == 3 ? "." : "").append(bits.charAt(i));
            }
        }
        return name.toString();
    }

    static String hex(byte[] code, int from, int length) {
        StringBuilder hex = new StringBuilder();
        for (int i = from; i < from + length; i++) {
            if (hex.length() > 0) {
                hex.append(' ');
            }
            hex.append(String.format("%02x", code[i] & 0xff));
        }
        return hex.toString();
    }
}
