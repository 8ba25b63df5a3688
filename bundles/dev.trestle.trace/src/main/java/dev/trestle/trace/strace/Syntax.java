package dev.trestle.trace.strace;

import java.nio.charset.StandardCharsets;

/**
 * Hand-written scanning of strace's argument syntax on a {@code byte[]} range (strace writes ASCII and escapes other bytes, so bytes are compared with ASCII characters directly): quoted C strings with escapes, nested
 * {@code ( ) [ ] { }}, and {@code -y}/{@code -yy} decorations such as {@code 3</dev/null<char 1:3>>} or {@code
 * 4<UNIX-STREAM:[62978->62977]>}, whose {@code ->} must not end them. No regex: this runs once per line.
 */
final class Syntax {
    private Syntax() {}

    // Most argument bytes are letters, digits, spaces and commas; one table load tells that closingParen can skip
    // them, which matters because it sees nearly every byte of a log.
    private static final boolean[] SYNTAX = new boolean[256];

    private static final boolean[] WORD = new boolean[256];

    static {
        for (char c : "\"()[]{}<".toCharArray()) {
            SYNTAX[c] = true;
        }
        for (int c = 0; c < 128; c++) {
            WORD[c] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || c == '_';
        }
    }

    /** The index of the {@code ')'} closing a call whose arguments start at {@code from}, or -1. */
    static int closingParen(byte[] b, int from, int end) {
        int depth = 0;
        for (int i = from; i < end; i++) {
            byte c = b[i];
            if (!SYNTAX[c & 0xff]) {
                continue;
            }
            switch (c) {
                case '"' -> i = afterString(b, i, end) - 1;
                case '(', '[', '{' -> depth++;
                case ']', '}' -> depth--;
                case ')' -> {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
                case '<' -> {
                    if (i > from && isWordChar(b[i - 1])) {
                        i = afterDecoration(b, i, end) - 1;
                    }
                }
                default -> {}
            }
        }
        return -1;
    }

    /** The index after the closing quote of the string starting at {@code quote}, or {@code end}. */
    static int afterString(byte[] b, int quote, int end) {
        for (int i = quote + 1; i < end; i++) {
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\\') {
                i++;
            }
        }
        return end;
    }

    /** The index after the {@code '>'} closing the decoration starting at {@code open}, or {@code end}. */
    static int afterDecoration(byte[] b, int open, int end) {
        int angles = 0;
        int brackets = 0;
        for (int i = open; i < end; i++) {
            byte c = b[i];
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (brackets == 0 && c == '<') {
                angles++;
            } else if (brackets == 0 && c == '>' && --angles == 0) {
                return i + 1;
            }
        }
        return end;
    }

    static boolean isWordChar(byte c) {
        return WORD[c & 0xff];
    }

    static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** The bytes of an ASCII constant, compared with a line without decoding it. */
    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    static boolean startsWith(byte[] b, int from, int end, byte[] prefix) {
        if (end - from < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[from + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean endsWith(byte[] b, int from, int end, byte[] suffix) {
        return end - from >= suffix.length && startsWith(b, end - suffix.length, end, suffix);
    }

    /** Seconds with a fraction of any precision ({@code 12.5}, {@code 0.000123}, {@code 1.123456789}) as micros. */
    static long micros(long seconds, byte[] b, int fractionFrom, int fractionEnd) {
        long fraction = 0;
        int digits = 0;
        for (int i = fractionFrom; i < fractionEnd && digits < 6; i++, digits++) {
            fraction = fraction * 10 + (b[i] - '0');
        }
        for (; digits < 6; digits++) {
            fraction *= 10;
        }
        return seconds * 1_000_000 + fraction;
    }

    /** The index of the first non-digit at or after {@code from}. */
    static int digitsEnd(byte[] b, int from, int end) {
        int i = from;
        while (i < end && isDigit(b[i])) {
            i++;
        }
        return i;
    }

    /** The decimal value of {@code b[from, to)}, which holds digits only; saturates instead of overflowing. */
    static long decimal(byte[] b, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            value = value > Long.MAX_VALUE / 10 ? Long.MAX_VALUE : value * 10 + (b[i] - '0');
        }
        return value;
    }

    /**
     * The high bit of each zero byte of {@code word} ("Bit Twiddling Hacks"), for scanning eight bytes a step; a byte
     * above a zero one may be marked too, but the lowest mark is always a zero byte.
     */
    static long zeroBytes(long word) {
        return (word - 0x0101010101010101L) & ~word & 0x8080808080808080L;
    }

    /**
     * The index of the lowest marked byte of {@link #zeroBytes}' result (not 0): a multiplication moves one byte of the
     * constant to the top. Long.numberOfTrailingZeros showed up as a call in profiles under the C1-only JIT.
     */
    static int firstMarked(long marks) {
        return (int) ((((marks & -marks) >>> 7) * 0x0001020304050607L) >>> 56);
    }
}
