package dev.trestle.trace.x86;

/** AT&T names of the general-purpose registers by number (0-15, REX bits included) and width. */
final class Registers {
    private static final String[] QWORD = {
        "rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
    };
    private static final String[] DWORD = {
        "eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d",
        "r15d"
    };
    private static final String[] WORD = {
        "ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"
    };
    private static final String[] BYTE = {
        "al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"
    };
    /** Without any REX prefix, byte registers 4-7 are the legacy high halves. */
    private static final String[] LEGACY_HIGH_BYTE = {"ah", "ch", "dh", "bh"};

    private Registers() {}

    static String name(int number, int size, boolean rexPresent) {
        String name = switch (size) {
            case 64 -> QWORD[number];
            case 32 -> DWORD[number];
            case 16 -> WORD[number];
            default -> !rexPresent && number >= 4 && number < 8 ? LEGACY_HIGH_BYTE[number - 4] : BYTE[number];
        };
        return "%" + name;
    }
}
