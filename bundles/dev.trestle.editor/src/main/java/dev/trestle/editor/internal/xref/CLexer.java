package dev.trestle.editor.internal.xref;

import dev.trestle.editor.internal.xref.Token.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits C, C++ or Objective-C source into tokens without preprocessing. Comments and the contents of literals are
 * dropped; of the directives only {@code #define} (its name and body) and the conditionals, which the parser needs
 * to keep braces balanced, are kept. Malformed input (an unterminated comment or literal) ends the item at the end of
 * the line or file rather than failing: an index of half-written code is still useful.
 */
final class CLexer {
    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean inDirective;

    private CLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        CLexer lexer = new CLexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        boolean atLineStart = true;
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') {
                newline(pos + 1);
                inDirective = false;
                atLineStart = true;
            } else if (c == '\\' && lineBreakAt(pos + 1) > 0) {
                newline(pos + 1 + lineBreakAt(pos + 1));
            } else if (c == '/' && peek(1) == '*') {
                blockComment();
            } else if (c == '/' && peek(1) == '/') {
                skipToEndOfLine();
            } else if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' && atLineStart) {
                directive();
                atLineStart = false;
            } else {
                atLineStart = false;
                item(c);
            }
        }
    }

    private void item(char c) {
        int start = pos;
        int column = pos - lineStart + 1;
        if (isIdentStart(c)) {
            while (pos < text.length() && isIdentPart(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (pos < text.length() && (peek(0) == '"' || peek(0) == '\'') && isLiteralPrefix(word)) {
                literal(word.endsWith("R") && peek(0) == '"');
                add(Kind.STRING, "\"\"", column);
            } else {
                add(Kind.IDENT, word, column);
            }
        } else if (Character.isDigit(c) || (c == '.' && Character.isDigit(peek(1)))) {
            number();
            add(Kind.NUMBER, text.substring(start, pos), column);
        } else if (c == '"' || c == '\'') {
            literal(false);
            add(Kind.STRING, "\"\"", column);
        } else if (c == '@' && peek(1) == '"') {
            pos++;
            literal(false);
            add(Kind.STRING, "\"\"", column);
        } else {
            pos++;
            add(Kind.PUNCT, String.valueOf(c), column);
        }
    }

    private void directive() {
        int column = pos - lineStart + 1;
        pos++;
        skipBlanks();
        int start = pos;
        while (pos < text.length() && isIdentPart(text.charAt(pos))) {
            pos++;
        }
        switch (text.substring(start, pos)) {
            case "define" -> {
                skipBlanks();
                int nameStart = pos;
                while (pos < text.length() && isIdentPart(text.charAt(pos))) {
                    pos++;
                }
                if (pos > nameStart) {
                    add(Kind.DEFINE, text.substring(nameStart, pos), nameStart - lineStart + 1);
                    inDirective = true; // the body is lexed as ordinary tokens, flagged, up to the end of the line
                } else {
                    skipToEndOfLine();
                }
            }
            case "if", "ifdef", "ifndef" -> conditional(Kind.COND_IF, column);
            case "elif", "else", "elifdef", "elifndef" -> conditional(Kind.COND_ELSE, column);
            case "endif" -> conditional(Kind.COND_ENDIF, column);
            default -> skipToEndOfLine(); // #include <a'b.h>, #error don't: never lexed as literals
        }
    }

    private void conditional(Kind kind, int column) {
        tokens.add(new Token(kind, "#", line, column, true));
        skipToEndOfLine();
    }

    /** Skips the rest of a logical line: continuations and comments that span lines included. */
    private void skipToEndOfLine() {
        while (pos < text.length() && text.charAt(pos) != '\n') {
            if (text.charAt(pos) == '\\' && lineBreakAt(pos + 1) > 0) {
                newline(pos + 1 + lineBreakAt(pos + 1));
            } else if (text.charAt(pos) == '/' && peek(1) == '*') {
                blockComment();
            } else {
                pos++;
            }
        }
    }

    private void blockComment() {
        pos += 2;
        while (pos < text.length() && !(text.charAt(pos) == '*' && peek(1) == '/')) {
            if (text.charAt(pos) == '\n') {
                newline(pos + 1);
            } else {
                pos++;
            }
        }
        pos = Math.min(text.length(), pos + 2);
    }

    /** A string or character literal; a raw string runs to its delimiter, across lines. */
    private void literal(boolean raw) {
        char quote = text.charAt(pos++);
        if (raw) {
            int open = text.indexOf('(', pos);
            if (open >= 0 && open - pos <= 16) {
                String end = ")" + text.substring(pos, open) + quote;
                int close = text.indexOf(end, open);
                int stop = close < 0 ? text.length() : close + end.length();
                while (pos < stop) {
                    if (text.charAt(pos++) == '\n') {
                        newline(pos);
                    }
                }
                return;
            }
        }
        while (pos < text.length() && text.charAt(pos) != quote && text.charAt(pos) != '\n') {
            if (text.charAt(pos) == '\\' && pos + 1 < text.length()) {
                if (lineBreakAt(pos + 1) > 0) {
                    newline(pos + 1 + lineBreakAt(pos + 1));
                    continue;
                }
                pos++;
            }
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == quote) {
            pos++;
        }
    }

    private void number() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            char previous = text.charAt(pos - 1);
            boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(previous) >= 0;
            // a quote between digits is a C++14/C23 digit separator, not a character literal
            boolean separator = c == '\'' && Character.isLetterOrDigit(peek(1));
            if (!(isIdentPart(c) || c == '.' || exponentSign || separator)) {
                return;
            }
            pos++;
        }
    }

    private void add(Kind kind, String value, int column) {
        tokens.add(new Token(kind, value, line, column, inDirective));
    }

    private void newline(int next) {
        pos = next;
        line++;
        lineStart = next;
    }

    /** The length of the line break at {@code at} (1 or 2 for CRLF), or 0. */
    private int lineBreakAt(int at) {
        if (at < text.length() && text.charAt(at) == '\n') {
            return 1;
        }
        return at + 1 < text.length() && text.charAt(at) == '\r' && text.charAt(at + 1) == '\n' ? 2 : 0;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private char peek(int ahead) {
        return pos + ahead < text.length() ? text.charAt(pos + ahead) : '\0';
    }

    private static boolean isLiteralPrefix(String word) {
        return switch (word) {
            case "L", "u", "U", "u8", "R", "LR", "uR", "UR", "u8R" -> true;
            default -> false;
        };
    }

    static boolean isIdentStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || (c >= '0' && c <= '9');
    }
}
