package dev.trestle.trace.x86;

/** The one-byte opcode map outside the ALU block 00-3d. Returns {@code null} for what is not covered. */
final class OneByteOpcodes {
    private OneByteOpcodes() {}

    static Instruction decode(Decoding d, int op) {
        if (op >= 0x50 && op <= 0x5f) {
            return pushPop(d, op);
        }
        if (op >= 0x70 && op <= 0x7f) {
            return Branches.relative(d, Branches.conditionName(op & 0xf), d.s8());
        }
        if (op >= 0xb0 && op <= 0xbf) {
            return moveImmediate(d, op);
        }
        return switch (op) {
            case 0x68 -> d.finish("push", Decoding.immediate(d.s32(), 64));
            case 0x6a -> d.finish("push", Decoding.immediate(d.s8(), 64));
            case 0x80, 0x81, 0x83, 0xc6, 0xc7, 0xf6, 0xf7 -> Arithmetic.immediateToRm(d, op);
            case 0x84, 0x88 -> Arithmetic.registerToRm(d, op == 0x84 ? "test" : "mov", 8);
            case 0x85, 0x89 -> Arithmetic.registerToRm(d, op == 0x85 ? "test" : "mov", d.operandSize());
            case 0x8a -> Arithmetic.rmToRegister(d, "mov", 8);
            case 0x8b -> Arithmetic.rmToRegister(d, "mov", d.operandSize());
            case 0x8d -> Arithmetic.lea(d);
            case 0x8f -> popRm(d);
            case 0x90 -> nop(d);
            case 0xa8 -> Arithmetic.accumulator(d, "test", 8);
            case 0xa9 -> Arithmetic.accumulator(d, "test", d.operandSize());
            case 0xc2 -> Branches.ret(d, d.u16());
            case 0xc3 -> Branches.ret(d, -1);
            case 0xc9 -> d.finish("leave", "");
            case 0xcc -> d.finish("int3", "");
            case 0xe8 -> Branches.relative(d, "call", d.s32());
            case 0xe9 -> Branches.relative(d, "jmp", d.s32());
            case 0xeb -> Branches.relative(d, "jmp", d.s8());
            case 0xf4 -> d.finish("hlt", "");
            case 0xfa -> d.finish("cli", "");
            case 0xfb -> d.finish("sti", "");
            case 0xfe, 0xff -> Arithmetic.group5(d, op);
            default -> null;
        };
    }

    private static Instruction pushPop(Decoding d, int op) {
        String register = d.register((op & 7) | d.rexB(), d.stackSize());
        return d.finish(op < 0x58 ? "push" : "pop", register);
    }

    private static Instruction popRm(Decoding d) {
        ModRm m = new ModRm(d);
        return m.extension() != 0 || d.dataPrefixes > 0 ? null : d.finish("pop", m.rm(64));
    }

    private static Instruction moveImmediate(Decoding d, int op) {
        int register = (op & 7) | d.rexB();
        if (op < 0xb8) {
            return d.finish("mov", Decoding.immediate(d.s8(), 8) + "," + d.register(register, 8));
        }
        int size = d.operandSize();
        if (size == 64) {
            return d.finish("movabs", Decoding.immediate(d.u64(), 64) + "," + d.register(register, 64));
        }
        long imm = size == 16 ? d.u16() : d.s32();
        return d.finish("mov", Decoding.immediate(imm, size) + "," + d.register(register, size));
    }

    /** 90 is nop, but pause under f3 and {@code xchg %ax,%ax} under 66 (the 2-byte NOP). */
    private static Instruction nop(Decoding d) {
        if (d.rexB() != 0) {
            return null; // xchg %eax,%r8d: not covered
        }
        if (d.repz) {
            d.repz = false;
            return d.finish("pause", "");
        }
        if (d.dataPrefixes > 0) {
            return d.finish("xchg", "%ax,%ax");
        }
        return d.finish("nop", "");
    }
}
