package dev.trestle.trace.x86;

/**
 * A ModRM byte with its SIB byte and displacement, formatted the way binutils' {@code OP_E_memory} does it in 64-bit
 * mode. The odd cases ({@code %riz}, absolute addresses, {@code 0x0(%rbp)}) are objdump's, kept so that the output
 * compares textually.
 */
final class ModRm {
    final int mod;
    private final int reg;

    private final int rm;
    private final Decoding d;
    private final String memory;

    ModRm(Decoding d) {
        this.d = d;
        int modrm = d.u8();
        mod = modrm >> 6;
        reg = (modrm >> 3) & 7;
        rm = modrm & 7;
        memory = mod == 3 ? null : memory();
    }

    /** The reg field used as an opcode extension ({@code /2} etc.), where REX.R means nothing. */
    int extension() {
        return reg;
    }

    boolean isRegister() {
        return mod == 3;
    }

    String reg(int size) {
        return d.register(reg | d.rexR(), size);
    }

    /** The r/m operand: a register of {@code size} bits or the memory operand. */
    String rm(int size) {
        return mod == 3 ? d.register(rm | d.rexB(), size) : memory;
    }

    private String memory() {
        String segment = d.segmentOverride();
        int rexB = d.rexB(); // binutils counts REX.B as consumed by every memory operand, even without a base
        if (rm == 4) {
            return segment + sib(rexB);
        }
        if (mod == 0 && rm == 5) {
            d.ripDisplacement = d.s32();
            return segment + Decoding.signedHex(d.ripDisplacement) + "(%rip)";
        }
        String base = Registers.name(rm | rexB, 64, true);
        return segment + displacement() + "(" + base + ")";
    }

    private String displacement() {
        return switch (mod) {
            case 1 -> Decoding.signedHex(d.s8());
            case 2 -> Decoding.signedHex(d.s32());
            default -> "";
        };
    }

    private String sib(int rexB) {
        int sib = d.u8();
        int scale = 1 << (sib >> 6);
        int index = ((sib >> 3) & 7) | d.rexX();
        int base = sib & 7;
        boolean haveIndex = index != 4;
        boolean haveBase = !(mod == 0 && base == 5);
        if (!haveBase) {
            long disp = d.s32();
            if (!haveIndex && scale == 1) {
                return Decoding.address(disp);
            }
            return Decoding.signedHex(disp) + "(," + indexName(index, haveIndex) + "," + scale + ")";
        }
        String text = displacement() + "(" + Registers.name(base | rexB, 64, true);
        if (haveIndex || scale != 1 || base != 4) {
            text += "," + indexName(index, haveIndex) + "," + scale;
        }
        return text + ")";
    }

    private static String indexName(int index, boolean haveIndex) {
        return haveIndex ? Registers.name(index, 64, true) : "%riz";
    }
}
