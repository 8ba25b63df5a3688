package dev.trestle.trace.x86;

/**
 * The integer forms that share the ModRM layout: the eight ALU operations (add ... cmp) in all their encodings, test,
 * mov, lea and the inc/dec/call/jmp/push group. Returns {@code null} for forms the decoder does not cover.
 */
final class Arithmetic {
    static final String[] ALU = {"add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"};

    private Arithmetic() {}

    /** Opcodes 00-3d: {@code op*8 + form}, form 0-5 being Eb,Gb / Ev,Gv / Gb,Eb / Gv,Ev / AL,Ib / eAX,Iz. */
    static Instruction alu(Decoding d, int opcode) {
        String name = ALU[opcode >> 3];
        int size = (opcode & 1) == 0 ? 8 : d.operandSize();
        return switch (opcode & 7) {
            case 0, 1 -> registerToRm(d, name, size);
            case 2, 3 -> rmToRegister(d, name, size);
            default -> accumulator(d, name, size);
        };
    }

    static Instruction registerToRm(Decoding d, String name, int size) {
        ModRm m = new ModRm(d);
        return d.finish(name, m.reg(size) + "," + m.rm(size));
    }

    static Instruction rmToRegister(Decoding d, String name, int size) {
        ModRm m = new ModRm(d);
        return d.finish(name, m.rm(size) + "," + m.reg(size));
    }

    static Instruction accumulator(Decoding d, String name, int size) {
        long imm = size == 8 ? d.s8() : size == 16 ? (short) d.u16() : d.s32();
        return d.finish(name, Decoding.immediate(imm, size) + "," + d.register(0, size));
    }

    /** 80, 81, 83 (ALU with an immediate), c6/c7 /0 (mov), f6/f7 /0 (test). */
    static Instruction immediateToRm(Decoding d, int opcode) {
        int size = (opcode & 1) == 0 ? 8 : d.operandSize();
        ModRm m = new ModRm(d);
        String name;
        if (opcode >= 0x80 && opcode <= 0x83) {
            name = ALU[m.extension()];
        } else if (m.extension() == 0) {
            name = opcode >= 0xf6 ? "test" : "mov";
        } else {
            return null;
        }
        String rm = m.rm(size);
        long imm = opcode == 0x83 || size == 8 ? d.s8() : size == 16 ? (short) d.u16() : d.s32();
        String mnemonic = m.isRegister() ? name : name + Decoding.suffix(size);
        return d.finish(mnemonic, Decoding.immediate(imm, size) + "," + rm);
    }

    /** fe and ff: inc, dec, indirect call and jmp, push. */
    static Instruction group5(Decoding d, int opcode) {
        ModRm m = new ModRm(d);
        int ext = m.extension();
        if (ext <= 1) {
            int size = opcode == 0xfe ? 8 : d.operandSize();
            String name = ext == 0 ? "inc" : "dec";
            return d.finish(m.isRegister() ? name : name + Decoding.suffix(size), m.rm(size));
        }
        if (opcode == 0xfe || d.dataPrefixes > 0) {
            return null;
        }
        return switch (ext) {
            case 2 -> d.finish("call", "*" + m.rm(64));
            case 4 -> d.finish("jmp", "*" + m.rm(64));
            case 6 -> d.finish("push", m.rm(64));
            default -> null;
        };
    }

    static Instruction lea(Decoding d) {
        ModRm m = new ModRm(d);
        if (m.isRegister()) {
            return d.finish("(bad)", "");
        }
        return d.finish("lea", m.rm(64) + "," + m.reg(d.operandSize()));
    }
}
