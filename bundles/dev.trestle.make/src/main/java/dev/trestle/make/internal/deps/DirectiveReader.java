package dev.trestle.make.internal.deps;

import java.util.ArrayList;
import java.util.List;

/**
 * Extracts the directives of a source file. Comments, string and character literals and C++ raw strings are
 * skipped outside directives, so a {@code #include} inside a comment or a string is not seen, and a directive after
 * a comment on the same line ({@code / * x * / #include}) is. The text is read as ISO-8859-1 so every byte maps
 * to one char and UTF-8 names survive unchanged.
 */
final class DirectiveReader {
    private final String text;
    private int pos;
    private int line = 1;

    private DirectiveReader(String text) {
        this.text = text;
    }

    static List<Directive> read(String text) {
        return new DirectiveReader(text).directives();
    }

    private List<Directive> directives() {
        List<Directive> directives = new ArrayList<>();
        boolean lineStart = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                line++;
                pos++;
                lineStart = true;
            } else if (c == '\\' && peekNewline(pos + 1) > 0) {
                pos += 1 + peekNewline(pos + 1);
                line++;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000b') {
                pos++;
            } else if (c == '/' && next() == '*') {
                skipBlockComment();
            } else if (c == '/' && next() == '/') {
                skipLineComment();
            } else if (c == '#' && lineStart) {
                int start = line;
                pos++;
                directives.add(split(start, logicalLine()));
            } else {
                lineStart = false;
                if (c == '"' || c == '\'') {
                    skipLiteral(c);
                } else if (c == 'R' && next() == '"' && (pos == 0 || !isIdent(text.charAt(pos - 1)))) {
                    skipRawString();
                } else {
                    pos++;
                }
            }
        }
        return directives;
    }

    /** The rest of a directive's logical line, comments turned into one space; leaves pos at the newline. */
    private String logicalLine() {
        StringBuilder out = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                break;
            } else if (c == '\\' && peekNewline(pos + 1) > 0) {
                pos += 1 + peekNewline(pos + 1);
                line++;
            } else if (c == '/' && next() == '*') {
                skipBlockComment();
                out.append(' ');
            } else if (c == '/' && next() == '/') {
                skipLineComment();
            } else if (c == '"' || c == '\'') {
                int from = pos;
                skipLiteral(c);
                out.append(text, from, pos);
            } else {
                out.append(c == '\r' ? ' ' : c);
                pos++;
            }
        }
        return out.toString();
    }

    private static Directive split(int line, String body) {
        String trimmed = body.strip();
        int end = 0;
        while (end < trimmed.length() && isIdent(trimmed.charAt(end))) {
            end++;
        }
        return new Directive(
                line, trimmed.substring(0, end), trimmed.substring(end).strip());
    }

    private void skipBlockComment() {
        pos += 2;
        while (pos < text.length() && !(text.charAt(pos) == '*' && next() == '/')) {
            if (text.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
        pos = Math.min(text.length(), pos + 2);
    }

    private void skipLineComment() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            if (text.charAt(pos) == '\\' && peekNewline(pos + 1) > 0) {
                pos += peekNewline(pos + 1);
                line++;
            }
            pos++;
        }
    }

    /** An unterminated literal ends at the end of its line, as in the preprocessor. */
    private void skipLiteral(char quote) {
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\\' && pos + 1 < text.length()) {
                if (text.charAt(pos + 1) == '\n') {
                    line++;
                }
                pos += 2;
            } else if (c == quote) {
                pos++;
                return;
            } else if (c == '\n') {
                return;
            } else {
                pos++;
            }
        }
    }

    private void skipRawString() {
        int open = text.indexOf('(', pos + 2);
        int newline = text.indexOf('\n', pos + 2);
        if (open < 0 || (newline >= 0 && newline < open) || open - pos - 2 > 16) {
            pos++;
            return;
        }
        String close = ")" + text.substring(pos + 2, open) + "\"";
        int end = text.indexOf(close, open);
        int stop = end < 0 ? text.length() : end + close.length();
        for (int i = pos; i < stop; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        pos = stop;
    }

    private int peekNewline(int at) {
        if (at < text.length() && text.charAt(at) == '\n') {
            return 1;
        }
        return at + 1 < text.length() && text.charAt(at) == '\r' && text.charAt(at + 1) == '\n' ? 2 : 0;
    }

    private char next() {
        return pos + 1 < text.length() ? text.charAt(pos + 1) : '\0';
    }

    static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }
}
