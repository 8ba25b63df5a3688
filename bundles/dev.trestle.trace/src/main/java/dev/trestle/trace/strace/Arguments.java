package dev.trestle.trace.strace;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads pieces out of an argument or result text, on demand; see {@link SyscallEvent}. */
final class Arguments {
    private Arguments() {}

    static List<String> split(String arguments) {
        byte[] b = positions(arguments);
        List<String> parts = new ArrayList<>();
        int start = 0;
        int depth = 0;
        for (int i = 0; i < b.length; i++) {
            switch (b[i]) {
                case '"' -> i = Syntax.afterString(b, i, b.length) - 1;
                case '(', '[', '{' -> depth++;
                case ')', ']', '}' -> depth--;
                case '<' -> {
                    if (i > 0 && Syntax.isWordChar(b[i - 1])) {
                        i = Syntax.afterDecoration(b, i, b.length) - 1;
                    }
                }
                case ',' -> {
                    if (depth == 0) {
                        parts.add(arguments.substring(start, i).strip());
                        start = i + 1;
                    }
                }
                default -> {}
            }
        }
        String last = arguments.substring(start).strip();
        if (!last.isEmpty() || !parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    static String first(String arguments) {
        List<String> parts = split(arguments);
        return parts.isEmpty() ? "" : parts.get(0);
    }

    /** The first top-level string argument, with C escapes ({@code \n}, {@code \"}, octal, {@code -x} hex) undone. */
    static Optional<String> firstString(String arguments) {
        for (String part : split(arguments)) {
            if (part.startsWith("\"")) {
                return Optional.of(unescape(part));
            }
        }
        return Optional.empty();
    }

    /** strace escapes bytes, not characters, so the bytes are collected and then decoded as UTF-8. */
    static String unescape(String quoted) {
        byte[] b = quoted.getBytes(StandardCharsets.UTF_8);
        int end = Syntax.afterString(b, 0, b.length) - 1;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(end);
        for (int i = 1; i < end; i++) {
            byte c = b[i];
            if (c != '\\' || i + 1 >= end) {
                bytes.write(c);
                continue;
            }
            byte e = b[++i];
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'v' -> bytes.write(0x0b);
                case 'f' -> bytes.write('\f');
                case 'x' -> {
                    int digits = 0;
                    int value = 0;
                    while (digits < 2 && i + 1 < end && Character.digit(b[i + 1], 16) >= 0) {
                        value = value * 16 + Character.digit(b[++i], 16);
                        digits++;
                    }
                    bytes.write(value);
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int value = e - '0';
                        for (int digits = 1;
                                digits < 3 && i + 1 < end && b[i + 1] >= '0' && b[i + 1] <= '7';
                                digits++) {
                            value = value * 8 + (b[++i] - '0');
                        }
                        bytes.write(value);
                    } else {
                        bytes.write(e);
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static OptionalInt leadingInt(String text) {
        OptionalLong value = leadingLong(text);
        return value.isPresent() && value.getAsLong() == (int) value.getAsLong()
                ? OptionalInt.of((int) value.getAsLong())
                : OptionalInt.empty();
    }

    /** A decimal ({@code -1}, {@code 3} of {@code 3</x>}) or hex ({@code 0x55d0}) number the text starts with. */
    static OptionalLong leadingLong(String text) {
        int end = 0;
        while (end < text.length() && (isWordChar(text.charAt(end)) || (end == 0 && text.charAt(0) == '-'))) {
            end++;
        }
        String token = text.substring(0, end);
        try {
            if (token.startsWith("0x")) {
                return OptionalLong.of(Long.parseUnsignedLong(token.substring(2), 16));
            }
            return OptionalLong.of(Long.parseLong(token));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /** The text inside the decoration after a leading word: {@code /etc/passwd} of {@code 3</etc/passwd>}. */
    static Optional<String> decoration(String text) {
        int open = 0;
        while (open < text.length() && isWordChar(text.charAt(open))) {
            open++;
        }
        if (open == 0 || open >= text.length() || text.charAt(open) != '<') {
            return Optional.empty();
        }
        byte[] b = positions(text);
        int after = Syntax.afterDecoration(b, open, b.length);
        return after <= open + 1 || b[after - 1] != '>'
                ? Optional.empty()
                : Optional.of(text.substring(open + 1, after - 1));
    }

    /**
     * One byte per character, so that indices found in the bytes slice the text: the structure this class looks
     * for is all ASCII, and anything else only has to keep its place.
     */
    private static byte[] positions(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static boolean isWordChar(char c) {
        return c < 128 && Syntax.isWordChar((byte) c);
    }
}
