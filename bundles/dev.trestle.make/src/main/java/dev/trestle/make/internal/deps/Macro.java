package dev.trestle.make.internal.deps;

import java.util.List;
import java.util.Objects;

/**
 * A macro definition. {@code params} is {@code null} for an object-like macro; a variadic macro's last parameter
 * is {@code __VA_ARGS__} (or its GNU name). Two definitions are equal when their names, parameters and
 * replacement lists are, spacing aside (C11 6.10.3p2).
 */
final class Macro {
    private final String name;
    private final List<String> params;
    private final boolean variadic;
    /** The replacement list as written, each run of spaces outside literals made one, trimmed. */
    private final String spelling;
    /**
     * The replacement list's tokens, lexed when first asked for: most of the definitions a scan reads are never
     * expanded (they steer the compiler, not the includes), and lexing every one had been most of reading a file.
     */
    private volatile List<Token> body;

    Macro(String name, List<String> params, boolean variadic, String replacement) {
        this.name = name;
        this.params = params;
        this.variadic = variadic;
        this.spelling = normalized(replacement);
    }

    String name() {
        return name;
    }

    List<String> params() {
        return params;
    }

    boolean variadic() {
        return variadic;
    }

    boolean functionLike() {
        return params != null;
    }

    /** The replacement list's tokens, the first with no space before it. */
    List<Token> body() {
        List<Token> tokens = body;
        if (tokens == null) {
            List<Token> lexed = Token.lex(spelling);
            if (!lexed.isEmpty()) {
                lexed.set(0, lexed.get(0).withSpace(false));
            }
            tokens = List.copyOf(lexed);
            body = tokens; // two threads lexing the same definition make equal lists: either may stay
        }
        return tokens;
    }

    /** Parses the text after {@code #define}; {@code null} when it names no macro. */
    static Macro parse(String rest) {
        int end = 0;
        while (end < rest.length() && DirectiveReader.isIdent(rest.charAt(end))) {
            end++;
        }
        if (end == 0 || Character.isDigit(rest.charAt(0))) {
            return null;
        }
        String name = rest.substring(0, end).intern(); // see Token.lex
        if (end < rest.length() && rest.charAt(end) == '(') {
            int close = rest.indexOf(')', end);
            if (close < 0) {
                return null;
            }
            List<String> params = new java.util.ArrayList<>();
            boolean variadic = false;
            for (String param : rest.substring(end + 1, close).split(",")) {
                String p = param.strip();
                if (p.endsWith("...")) {
                    variadic = true;
                    p = p.equals("...")
                            ? "__VA_ARGS__"
                            : p.substring(0, p.length() - 3).strip();
                }
                if (!p.isEmpty()) {
                    params.add(p);
                }
            }
            return new Macro(name, List.copyOf(params), variadic, rest.substring(close + 1));
        }
        return new Macro(name, null, false, rest.substring(end));
    }

    /**
     * Spaces as {@link #spelling(List)} has them for the tokens of {@code text}: trimmed, a run of them one space,
     * literals as written.
     */
    private static String normalized(String text) {
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        StringBuilder out = null;
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < to && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(to, end + 1);
                if (out != null) {
                    out.append(text, i, end);
                }
                i = end;
            } else if (Character.isWhitespace(c) && (c != ' ' || Character.isWhitespace(text.charAt(i + 1)))) {
                // a run other than one plain space: the text changes from here on
                if (out == null) {
                    out = new StringBuilder(to - from).append(text, from, i);
                }
                out.append(' ');
                while (Character.isWhitespace(text.charAt(i))) {
                    i++;
                }
            } else {
                if (out != null) {
                    out.append(c);
                }
                i++;
            }
        }
        return out != null ? out.toString() : text.substring(from, to);
    }

    /** Equal definitions may be repeated without changing anything (C11 6.10.3p2), spacing aside. */
    boolean sameAs(Macro other) {
        return other != null
                && Objects.equals(params, other.params)
                && variadic == other.variadic
                && spelling.equals(other.spelling);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Macro m && name.equals(m.name) && sameAs(m);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + spelling.hashCode();
    }

    @Override
    public String toString() {
        return "#define " + name + (params == null ? "" : "(" + String.join(", ", params) + ")") + " " + spelling;
    }

    static String spelling(List<Token> tokens) {
        StringBuilder text = new StringBuilder();
        for (Token token : tokens) {
            if (token.spaceBefore() && !text.isEmpty()) {
                text.append(' ');
            }
            text.append(token.text());
        }
        return text.toString();
    }
}
