package dev.trestle.trace.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the argv array strace prints for {@code execve}. strace cuts each string at {@code -s} bytes (32 by default)
 * and marks the cut with {@code ...}; a cut argument is kept as {@code null}, because its tail is unknown and a guess
 * would name the wrong file.
 */
final class Argv {
    private Argv() {}

    /** The strings of the first {@code [...]} in {@code arguments}; cut ones as {@code null}. */
    static List<String> parse(String arguments) {
        List<String> argv = new ArrayList<>();
        int i = arguments.indexOf('[');
        if (i < 0) {
            return argv;
        }
        for (i++; i < arguments.length() && arguments.charAt(i) != ']'; i++) {
            if (arguments.charAt(i) != '"') {
                continue;
            }
            int end = closingQuote(arguments, i + 1);
            if (end < 0) {
                break; // the line itself was cut
            }
            boolean cut = arguments.startsWith("...", end + 1);
            argv.add(cut ? null : unescape(arguments.substring(i + 1, end)));
            i = cut ? end + 3 : end;
        }
        return argv;
    }

    private static int closingQuote(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    /** strace escapes bytes, so they are collected and decoded as UTF-8 at the end. */
    static String unescape(String quoted) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < quoted.length(); i++) {
            char c = quoted.charAt(i);
            if (c != '\\' || i + 1 == quoted.length()) {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            char e = quoted.charAt(++i);
            switch (e) {
                case 'n' -> bytes.write('\n');
                case 't' -> bytes.write('\t');
                case 'r' -> bytes.write('\r');
                case 'v' -> bytes.write(0x0b);
                case 'f' -> bytes.write('\f');
                case 'x' -> {
                    int end = Math.min(i + 3, quoted.length());
                    bytes.write(Integer.parseInt(quoted.substring(i + 1, end), 16));
                    i = end - 1;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < quoted.length()
                                && end < i + 3
                                && quoted.charAt(end) >= '0'
                                && quoted.charAt(end) <= '7') {
                            end++;
                        }
                        bytes.write(Integer.parseInt(quoted.substring(i, end), 8));
                        i = end - 1;
                    } else {
                        bytes.write(e);
                    }
                }
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
