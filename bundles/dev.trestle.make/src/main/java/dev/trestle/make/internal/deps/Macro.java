package dev.trestle.make.internal.deps;

import java.util.List;

/**
 * A macro definition. {@code params} is {@code null} for an object-like macro; a variadic macro's last parameter
 * is {@code __VA_ARGS__} (or its GNU name).
 */
record Macro(String name, List<String> params, boolean variadic, List<Token> body) {
    boolean functionLike() {
        return params != null;
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
            return new Macro(name, List.copyOf(params), variadic, body(rest.substring(close + 1)));
        }
        return new Macro(name, null, false, body(rest.substring(end)));
    }

    private static List<Token> body(String text) {
        List<Token> tokens = Token.lex(text);
        if (!tokens.isEmpty()) {
            tokens.set(0, tokens.get(0).withSpace(false));
        }
        return List.copyOf(tokens);
    }

    /** Equal definitions may be repeated without changing anything (C11 6.10.3p2), spacing aside. */
    boolean sameAs(Macro other) {
        return other != null
                && java.util.Objects.equals(params, other.params)
                && variadic == other.variadic
                && spelling(body).equals(spelling(other.body));
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
