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
    /** The file's bytes, each one char (ISO-8859-1): no decoding, and no copy into a String. */
    private final byte[] text;

    private final int length;
    private int pos;
    private int line = 1;

    private DirectiveReader(byte[] text) {
        this.text = text;
        this.length = text.length;
    }

    static List<Directive> read(String text) {
        return read(text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    static List<Directive> read(byte[] text) {
        return new DirectiveReader(text).directives();
    }

    private char charAt(int at) {
        return (char) (text[at] & 0xff);
    }

    private String substring(int from, int to) {
        return new String(text, from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private int indexOf(char c, int from) {
        for (int i = Math.max(from, 0); i < length; i++) {
            if (text[i] == (byte) c) {
                return i;
            }
        }
        return -1;
    }

    private int indexOf(String s, int from) {
        byte[] needle = s.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        outer:
        for (int i = Math.max(from, 0); i + needle.length <= length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (text[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private List<Directive> directives() {
        List<Directive> directives = new ArrayList<>();
        boolean lineStart = true;
        while (pos < length) {
            char c = charAt(pos);
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
                Directive plain = plainDirective(start);
                directives.add(plain != null ? plain : split(start, logicalLine()));
            } else {
                lineStart = false;
                if (c == '"' || c == '\'') {
                    skipLiteral(c);
                } else if (c == 'R' && next() == '"' && (pos == 0 || !isIdent(charAt(pos - 1)))) {
                    skipRawString();
                } else {
                    pos++;
                    // the bulk of a file is code: run to the next character that can start something
                    while (pos < length && !STARTS_SOMETHING[text[pos] & 0xff]) {
                        pos++;
                    }
                }
            }
        }
        return directives;
    }

    /**
     * The directive starting here when its line is plain, as most are: no comment, no continuation, no carriage
     * return. It is then taken straight from the bytes, its keyword one of the shared constants; otherwise {@code
     * null}, pos unchanged, and the directive is read by {@link #logicalLine}. Leaves pos at the newline.
     */
    private Directive plainDirective(int startLine) {
        int end = pos;
        while (end < length) {
            byte b = text[end];
            if (b == '\n') {
                break;
            }
            if (b == '\\'
                    || b == '\r'
                    || (b == '/' && end + 1 < length && (text[end + 1] == '*' || text[end + 1] == '/'))) {
                return null;
            }
            end++;
        }
        int from = pos;
        while (from < end && isSpace(text[from])) {
            from++;
        }
        int to = end;
        while (to > from && isSpace(text[to - 1])) {
            to--;
        }
        int keywordEnd = from;
        while (keywordEnd < to && isIdent(charAt(keywordEnd))) {
            keywordEnd++;
        }
        int restFrom = keywordEnd;
        while (restFrom < to && isSpace(text[restFrom])) {
            restFrom++;
        }
        pos = end;
        return new Directive(startLine, keyword(from, keywordEnd), substring(restFrom, to));
    }

    /** What {@link String#strip} takes away, for a byte read as ISO-8859-1. */
    private static boolean isSpace(byte b) {
        return Character.isWhitespace((char) (b & 0xff));
    }

    private static final String[] KEYWORDS = {
        "include",
        "define",
        "undef",
        "if",
        "ifdef",
        "ifndef",
        "elif",
        "else",
        "endif",
        "pragma",
        "error",
        "warning",
        "include_next",
        "import",
        "line",
        "elifdef",
        "elifndef",
        ""
    };

    /** The keyword between the offsets: a shared constant for every directive a C file has, else a new string. */
    private String keyword(int from, int to) {
        int n = to - from;
        next:
        for (String keyword : KEYWORDS) {
            if (keyword.length() != n) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (text[from + i] != keyword.charAt(i)) {
                    continue next;
                }
            }
            return keyword;
        }
        return substring(from, to);
    }

    /** The rest of a directive's logical line, comments turned into one space; leaves pos at the newline. */
    private String logicalLine() {
        StringBuilder out = new StringBuilder();
        while (pos < length) {
            char c = charAt(pos);
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
                for (int i = from; i < pos; i++) {
                    out.append(charAt(i));
                }
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
        while (pos < length && !(text[pos] == '*' && next() == '/')) {
            if (text[pos] == '\n') {
                line++;
            }
            pos++;
        }
        pos = Math.min(length, pos + 2);
    }

    private void skipLineComment() {
        while (pos < length && text[pos] != '\n') {
            if (text[pos] == '\\' && peekNewline(pos + 1) > 0) {
                pos += peekNewline(pos + 1);
                line++;
            }
            pos++;
        }
    }

    /** An unterminated literal ends at the end of its line, as in the preprocessor. */
    private void skipLiteral(char quote) {
        pos++;
        while (pos < length) {
            char c = charAt(pos);
            if (c == '\\' && pos + 1 < length) {
                if (text[pos + 1] == '\n') {
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
        int open = indexOf('(', pos + 2);
        int newline = indexOf('\n', pos + 2);
        if (open < 0 || (newline >= 0 && newline < open) || open - pos - 2 > 16) {
            pos++;
            return;
        }
        String close = ")" + substring(pos + 2, open) + "\"";
        int end = indexOf(close, open);
        int stop = end < 0 ? length : end + close.length();
        for (int i = pos; i < stop; i++) {
            if (text[i] == '\n') {
                line++;
            }
        }
        pos = stop;
    }

    private int peekNewline(int at) {
        if (at < length && text[at] == '\n') {
            return 1;
        }
        return at + 1 < length && text[at] == '\r' && text[at + 1] == '\n' ? 2 : 0;
    }

    private char next() {
        return pos + 1 < length ? charAt(pos + 1) : '\0';
    }

    /** The bytes after which code can change state: a newline, a continuation, a comment, a literal. */
    private static final boolean[] STARTS_SOMETHING = new boolean[256];

    static {
        for (char c : new char[] {'\n', '\\', '/', '"', '\'', 'R'}) {
            STARTS_SOMETHING[c] = true;
        }
    }

    static boolean isIdent(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
    }
}
