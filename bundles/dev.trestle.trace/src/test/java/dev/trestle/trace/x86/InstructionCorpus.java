package dev.trestle.trace.x86;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * Random instances of every instruction form {@link X86Decoder} covers: random registers (with and without REX),
 * ModRM/SIB/displacement combinations, immediates and branch offsets. The forms are written down from the Intel opcode
 * map, not from the decoder, so that objdump is the only judge of the output.
 */
final class InstructionCorpus {
    private final Random random;
    private final Map<String, Function<Random, byte[]>> forms = new LinkedHashMap<>();

    InstructionCorpus(long seed) {
        random = new Random(seed);
        for (int alu = 0; alu < 8; alu++) {
            int base = alu * 8;
            forms.put("alu Eb,Gb " + alu, r -> bytes(rex(r, false), base, modrm(r, true)));
            forms.put("alu Ev,Gv " + alu, r -> bytes(sizePrefix(r), base + 1, modrm(r, true)));
            forms.put("alu Gb,Eb " + alu, r -> bytes(rex(r, false), base + 2, modrm(r, true)));
            forms.put("alu Gv,Ev " + alu, r -> bytes(sizePrefix(r), base + 3, modrm(r, true)));
            forms.put("alu AL,Ib " + alu, r -> bytes(base + 4, imm(r, 1)));
            forms.put("alu eAX,Iz " + alu, r -> vImmediate(r, base + 5, new int[0]));
        }
        forms.put("grp1 Eb,Ib", r -> bytes(rex(r, false), 0x80, modrm(r, r.nextInt(8), true), imm(r, 1)));
        forms.put("grp1 Ev,Iz", r -> vImmediate(r, 0x81, modrm(r, r.nextInt(8), true)));
        forms.put("grp1 Ev,Ib", r -> bytes(sizePrefix(r), 0x83, modrm(r, r.nextInt(8), true), imm(r, 1)));
        forms.put("test Eb,Gb", r -> bytes(rex(r, false), 0x84, modrm(r, true)));
        forms.put("test Ev,Gv", r -> bytes(sizePrefix(r), 0x85, modrm(r, true)));
        forms.put("test AL,Ib", r -> bytes(0xa8, imm(r, 1)));
        forms.put("test eAX,Iz", r -> vImmediate(r, 0xa9, new int[0]));
        forms.put("test Ev,Iz", r -> vImmediate(r, 0xf7, modrm(r, 0, true)));
        forms.put("mov Ev,Iz", r -> vImmediate(r, 0xc7, modrm(r, 0, true)));
        forms.put("test Eb,Ib", r -> bytes(rex(r, false), 0xf6, modrm(r, 0, true), imm(r, 1)));
        forms.put("mov Eb,Gb", r -> bytes(segment(r), rex(r, false), 0x88, modrm(r, true)));
        forms.put("mov Ev,Gv", r -> bytes(segment(r), sizePrefix(r), 0x89, modrm(r, true)));
        forms.put("mov Gb,Eb", r -> bytes(segment(r), rex(r, false), 0x8a, modrm(r, true)));
        forms.put("mov Gv,Ev", r -> bytes(segment(r), sizePrefix(r), 0x8b, modrm(r, true)));
        forms.put("mov Eb,Ib", r -> bytes(rex(r, false), 0xc6, modrm(r, 0, true), imm(r, 1)));
        forms.put("mov r8,Ib", r -> bytes(rex(r, false), 0xb0 + r.nextInt(8), imm(r, 1)));
        forms.put("mov r32,Id", r -> bytes(r.nextBoolean() ? 0x41 : 0x40, 0xb8 + r.nextInt(8), imm(r, 4)));
        forms.put("movabs r64,Iq", r -> bytes(0x48 | r.nextInt(2), 0xb8 + r.nextInt(8), imm(r, 8)));
        forms.put("lea", r -> bytes(sizePrefix(r), 0x8d, modrm(r, r.nextInt(8), false)));
        forms.put("push/pop reg", r -> bytes(rex(r, r.nextBoolean()), 0x50 + r.nextInt(16)));
        forms.put("push/pop reg16", r -> bytes(0x66, 0x50 + r.nextInt(16)));
        forms.put("push Ib/Iz", r -> r.nextBoolean() ? bytes(0x6a, imm(r, 1)) : bytes(0x68, imm(r, 4)));
        forms.put("push Ev", r -> bytes(rex(r, false), 0xff, modrm(r, 6, true)));
        forms.put("pop Ev", r -> bytes(rex(r, false), 0x8f, modrm(r, 0, true)));
        forms.put("inc/dec Eb", r -> bytes(rex(r, false), 0xfe, modrm(r, r.nextInt(2), true)));
        forms.put("inc/dec Ev", r -> bytes(sizePrefix(r), 0xff, modrm(r, r.nextInt(2), true)));
        forms.put("call/jmp Ev", r -> bytes(rex(r, r.nextBoolean()), 0xff, modrm(r, r.nextBoolean() ? 2 : 4, true)));
        forms.put("call/jmp rel32", r -> bytes(r.nextBoolean() ? 0xe8 : 0xe9, imm(r, 4)));
        forms.put("jmp/jcc rel8", r -> bytes(r.nextInt(17) == 16 ? 0xeb : 0x70 + r.nextInt(16), imm(r, 1)));
        forms.put("jcc rel32", r -> bytes(0x0f, 0x80 + r.nextInt(16), imm(r, 4)));
        forms.put("ret Iw", r -> bytes(0xc2, imm(r, 2)));
        forms.put("nop Ev", r -> bytes(sizePrefix(r), 0x0f, 0x1f, modrm(r, 0, true)));
        List<byte[]> fixed = List.of(
                hex("c3"),
                hex("f3 c3"),
                hex("cc"),
                hex("0f 0b"),
                hex("90"),
                hex("66 90"),
                hex("f3 90"),
                hex("c9"),
                hex("f4"),
                hex("fa"),
                hex("fb"),
                hex("0f 05"),
                hex("f3 0f 1e fa"),
                hex("0f 1f 44 00 00"),
                hex("66 0f 1f 44 00 00"),
                hex("0f 1f 80 00 00 00 00"),
                hex("66 2e 0f 1f 84 00 00 00 00 00"),
                hex("66 66 2e 0f 1f 84 00 00 00 00 00"),
                hex("66 66 66 2e 0f 1f 84 00 00 00 00 00"),
                hex("65 90"),
                hex("06"),
                hex("27"),
                hex("61"),
                hex("d6"),
                hex("ea"),
                hex("0f 04"));
        forms.put("fixed", r -> fixed.get(r.nextInt(fixed.size())));
    }

    /** {@code perForm} random instances of every form, in form order. */
    List<byte[]> instances(int perForm) {
        List<byte[]> result = new ArrayList<>();
        forms.values().forEach(form -> {
            for (int i = 0; i < perForm; i++) {
                result.add(form.apply(random));
            }
        });
        return result;
    }

    int formCount() {
        return forms.size();
    }

    /** A {@code v}-sized form with an {@code Iz} immediate: 2 bytes under 0x66, else 4. */
    private static byte[] vImmediate(Random r, int opcode, int[] modrm) {
        int prefix = sizePrefix(r);
        return bytes(prefix, opcode, modrm, prefix == 0x66 ? imm(r, 2) : imm(r, 4));
    }

    /** No prefix, 0x66 (16-bit) or a REX with W set (64-bit): the three widths of a {@code v} operand. */
    private static int sizePrefix(Random r) {
        return switch (r.nextInt(3)) {
            case 0 -> -1;
            case 1 -> 0x66;
            default -> 0x48 | r.nextInt(8);
        };
    }

    /** A REX prefix with random R/X/B bits (or none); W only if asked. */
    private static int rex(Random r, boolean w) {
        return r.nextInt(3) == 0 ? -1 : 0x40 | (w ? 8 : 0) | r.nextInt(8);
    }

    private static int segment(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> 0x65;
            case 1 -> 0x64;
            default -> -1;
        };
    }

    private static int[] modrm(Random r, boolean allowRegister) {
        return modrm(r, r.nextInt(8), allowRegister);
    }

    /** A ModRM byte with reg field {@code reg}, plus the SIB byte and displacement its mod/rm call for. */
    private static int[] modrm(Random r, int reg, boolean allowRegister) {
        int mod = r.nextInt(allowRegister ? 4 : 3);
        int rm = r.nextInt(8);
        int[] head = {mod << 6 | reg << 3 | rm};
        if (mod == 3) {
            return head;
        }
        int[] sib = {};
        boolean disp32 = mod == 2 || (mod == 0 && rm == 5);
        if (rm == 4) {
            int s = r.nextInt(256);
            sib = new int[] {s};
            disp32 |= mod == 0 && (s & 7) == 5;
        }
        int[] disp = mod == 1 ? imm(r, 1) : disp32 ? imm(r, 4) : new int[0];
        return concat(head, sib, disp);
    }

    /** Little-endian random immediate; small, negative and extreme values all turn up. */
    private static int[] imm(Random r, int bytes) {
        long value = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(16);
            case 1 -> -1 - r.nextInt(16);
            case 2 -> r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
            default -> r.nextLong();
        };
        int[] result = new int[bytes];
        for (int i = 0; i < bytes; i++) {
            result[i] = (int) (value >>> (8 * i)) & 0xff;
        }
        return result;
    }

    private static int[] concat(int[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int[] part : parts) {
            for (int b : part) {
                if (b >= 0) {
                    out.write(b);
                }
            }
        }
        return out.toByteArray().length == 0 ? new int[0] : toInts(out.toByteArray());
    }

    private static int[] toInts(byte[] bytes) {
        int[] result = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            result[i] = bytes[i] & 0xff;
        }
        return result;
    }

    /** Each part is a byte (negative: none) or an int[] of bytes. */
    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            if (part instanceof Integer b && b >= 0) {
                out.write(b);
            } else if (part instanceof int[] array) {
                for (int b : array) {
                    if (b >= 0) {
                        out.write(b);
                    }
                }
            }
        }
        return out.toByteArray();
    }

    static byte[] hex(String text) {
        return java.util.HexFormat.ofDelimiter(" ").parseHex(text);
    }
}
