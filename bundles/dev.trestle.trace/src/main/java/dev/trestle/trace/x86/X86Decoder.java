package dev.trestle.trace.x86;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decodes x86-64 machine code into {@link Instruction}s spelled like binutils 2.40 {@code objdump -d} (AT&T syntax).
 *
 * <p>It covers what kernel logs show around a fault or an ftrace patch site: function entries and exits, calls,
 * jumps, traps, NOPs, and the common integer and move forms (see {@code package-info}). It never throws on bad input:
 * opcodes it does not cover, and instructions cut off by the end of the bytes, come out as {@code .byte 0x..}; opcodes
 * that are invalid in 64-bit mode come out as {@code (bad)}, as objdump prints them.
 */
public final class X86Decoder {
    /** One-byte opcodes that do not exist in 64-bit mode (objdump prints {@code (bad)}). */
    private static final String INVALID_IN_LONG_MODE = "06 07 0e 16 17 1e 1f 27 2f 37 3f 60 61 82 9a ce d4 d5 d6 ea";

    private X86Decoder() {}

    /** Decodes all of {@code code}, the first byte being at {@code address}. */
    public static List<Instruction> decode(byte[] code, long address) {
        Objects.requireNonNull(code, "code");
        List<Instruction> result = new ArrayList<>();
        int offset = 0;
        while (offset < code.length) {
            Instruction instruction = decodeOne(code, offset, address + offset);
            result.add(instruction);
            offset += instruction.length();
        }
        return result;
    }

    /** Decodes the instruction starting at {@code code[offset]}, which sits at {@code address}. */
    public static Instruction decodeOne(byte[] code, int offset, long address) {
        Objects.checkIndex(offset, code.length);
        try {
            Instruction decoded = decodeWithPrefixes(new Decoding(code, offset, address));
            if (decoded != null) {
                return decoded;
            }
        } catch (Decoding.Truncated e) {
            // objdump shows a cut-off instruction byte by byte; so do we, below.
        }
        return new Instruction(
                address, Decoding.hex(code, offset, 1), ".byte", String.format("0x%x", code[offset] & 0xff), "");
    }

    private static Instruction decodeWithPrefixes(Decoding d) {
        while (true) {
            int b = d.peek();
            switch (b) {
                case 0x66 -> d.dataPrefixes++;
                case 0xf3 -> d.repz = true;
                case 0xf2 -> d.repnz = true;
                case 0x2e -> d.segment = "cs";
                case 0x3e -> d.segment = "ds";
                case 0x26 -> d.segment = "es";
                case 0x36 -> d.segment = "ss";
                case 0x64 -> d.segment = "fs";
                case 0x65 -> d.segment = "gs";
                default -> {
                    if ((b & 0xf0) == 0x40) {
                        d.u8();
                        d.rex = b;
                        // A REX prefix only counts directly before the opcode; prefixes after it are not covered.
                        return isPrefix(d.peek()) ? null : opcode(d, d.u8());
                    }
                    return opcode(d, d.u8());
                }
            }
            d.u8();
        }
    }

    private static boolean isPrefix(int b) {
        return (b & 0xf0) == 0x40 || "66 f3 f2 2e 3e 26 36 64 65 f0".contains(String.format("%02x", b));
    }

    private static Instruction opcode(Decoding d, int op) {
        if (INVALID_IN_LONG_MODE.contains(String.format("%02x", op))) {
            return d.finish("(bad)", "");
        }
        if (op < 0x40 && (op & 7) < 6) {
            return Arithmetic.alu(d, op);
        }
        if (op == 0x0f) {
            return TwoByteOpcodes.decode(d, d.u8());
        }
        return OneByteOpcodes.decode(d, op);
    }
}
