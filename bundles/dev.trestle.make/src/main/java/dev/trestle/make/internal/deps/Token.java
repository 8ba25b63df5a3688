package dev.trestle.make.internal.deps;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A preprocessing token. {@link #hide} is the set of macros whose expansion produced it (Prosser's algorithm), so
 * a self-referencing macro stops expanding exactly where the standard says.
 */
record Token(Kind kind, String text, boolean spaceBefore, Set<String> hide) {
    enum Kind {
        IDENTIFIER,
        NUMBER,
        STRING,
        CHARACTER,
        PUNCTUATOR,
        /** A macro whose value the scan cannot know: makes an expression undecidable. */
        UNKNOWN
    }

    private static final String[] PUNCTUATORS = {
        "...", "<<=", ">>=", "##", "&&", "||", "<<", ">>", "<=", ">=", "==", "!=", "->", "++", "--", "+=", "-=", "*=",
        "/=", "%=", "&=", "|=", "^=", "::"
    };

    Token withHide(Set<String> more) {
        if (more.isEmpty() || kind != Kind.IDENTIFIER) {
            return this;
        }
        Set<String> union = new java.util.HashSet<>(hide);
        union.addAll(more);
        return new Token(kind, text, spaceBefore, Set.copyOf(union));
    }

    Token withSpace(boolean space) {
        return space == spaceBefore ? this : new Token(kind, text, space, hide);
    }

    boolean is(String punctuator) {
        return kind == Kind.PUNCTUATOR && text.equals(punctuator);
    }

    static List<Token> lex(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        boolean space = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                space = true;
                i++;
                continue;
            }
            Kind kind;
            if (Character.isDigit(c) || (c == '.' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                i++;
                while (i < text.length()
                        && (DirectiveReader.isIdent(text.charAt(i))
                                || text.charAt(i) == '.'
                                || ((text.charAt(i) == '+' || text.charAt(i) == '-')
                                        && "eEpP".indexOf(text.charAt(i - 1)) >= 0))) {
                    i++;
                }
                kind = Kind.NUMBER;
            } else if (DirectiveReader.isIdent(c)) {
                while (i < text.length() && DirectiveReader.isIdent(text.charAt(i))) {
                    i++;
                }
                if (i < text.length()
                        && (text.charAt(i) == '"' || text.charAt(i) == '\'')
                        && isPrefix(text, start, i)) {
                    i = literalEnd(text, i);
                    kind = text.charAt(i - 1) == '\'' ? Kind.CHARACTER : Kind.STRING;
                } else {
                    kind = Kind.IDENTIFIER;
                }
            } else if (c == '"' || c == '\'') {
                i = literalEnd(text, i);
                kind = c == '"' ? Kind.STRING : Kind.CHARACTER;
            } else {
                i += punctuatorLength(text, i);
                kind = Kind.PUNCTUATOR;
            }
            String spelled = text.substring(start, i);
            // identifiers are macro names, looked up in hash maps: interned, equal names are the same object and
            // compare by identity
            tokens.add(new Token(kind, kind == Kind.IDENTIFIER ? spelled.intern() : spelled, space, Set.of()));
            space = false;
        }
        return tokens;
    }

    private static boolean isPrefix(String text, int start, int end) {
        String prefix = text.substring(start, end);
        return prefix.equals("L") || prefix.equals("u") || prefix.equals("U") || prefix.equals("u8");
    }

    private static int literalEnd(String text, int open) {
        char quote = text.charAt(open);
        int i = open + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(text.length(), i + 1);
    }

    private static int punctuatorLength(String text, int at) {
        // the common case, "(" or "," before a name: no punctuator longer than one has that second character
        if (at + 1 >= text.length() || ".<>#&|=+-:".indexOf(text.charAt(at + 1)) < 0) {
            return 1;
        }
        for (String p : PUNCTUATORS) {
            if (text.startsWith(p, at)) {
                return p.length();
            }
        }
        return 1;
    }
}
