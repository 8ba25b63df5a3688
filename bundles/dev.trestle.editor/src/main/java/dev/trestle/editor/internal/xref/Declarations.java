package dev.trestle.editor.internal.xref;

import dev.trestle.editor.xref.SymbolKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a file-scope statement (its brace bodies folded into one {@code {}} token) the way a C programmer does,
 * without knowing which names are types: what a body that follows is, and which names a declaration defines.
 */
final class Declarations {
    /** What the block that follows a statement head is. */
    enum Body {
        /** {@code extern "C" {} } or a namespace: its contents are still at file scope. */
        TRANSPARENT,
        FUNCTION,
        /** The braced initializer of a variable. */
        INITIALIZER,
        /** Anything else: skipped, its names recorded as references. */
        BLOCK
    }

    private Declarations() {}

    static Body body(List<Token> head) {
        if (head.size() >= 2
                && head.get(0).text().equals("extern")
                && head.get(1).kind() == Token.Kind.STRING) {
            return Body.TRANSPARENT;
        }
        if (!head.isEmpty() && head.get(0).text().equals("namespace")) {
            return Body.TRANSPARENT;
        }
        if (indexAtTop(head, "=", 0, head.size()) >= 0) {
            return Body.INITIALIZER;
        }
        return functionName(head) != null ? Body.FUNCTION : Body.BLOCK;
    }

    /**
     * The name before the parameter list: the identifier before the first parenthesised group, or, as in {@code int
     * (lua_gettop) (lua_State *L)}, the only name in a group that the parameter list directly follows.
     */
    static Token functionName(List<Token> head) {
        for (int open = 0; open < head.size(); open++) {
            if (!head.get(open).is("(")) {
                continue;
            }
            int close = matching(head, open);
            if (close + 1 < head.size() && head.get(close + 1).is("(") && close == open + 2) {
                Token inner = head.get(open + 1);
                if (inner.isIdent() && !Keywords.isReserved(inner.text())) {
                    return inner;
                }
            }
            if (open > 0
                    && head.get(open - 1).isIdent()
                    && !Keywords.isReserved(head.get(open - 1).text())) {
                return head.get(open - 1);
            }
            open = close;
        }
        return null;
    }

    /** The names a declaration ending in {@code ;} defines: typedefs, or variables unless it is {@code extern}. */
    static Map<Token, SymbolKind> defined(List<Token> statement) {
        List<Token> tokens = statement;
        if (!tokens.isEmpty() && tokens.getLast().is(";")) {
            tokens = tokens.subList(0, tokens.size() - 1);
        }
        if (tokens.isEmpty()) {
            return Map.of();
        }
        String first = tokens.getFirst().text();
        if (first.equals("using")
                && tokens.size() >= 3
                && tokens.get(1).isIdent()
                && tokens.get(2).is("=")) {
            return Map.of(tokens.get(1), SymbolKind.TYPEDEF);
        }
        int end = indexAtTop(tokens, "=", 0, tokens.size());
        int declarationEnd = end < 0 ? tokens.size() : end;
        if (!tokens.getFirst().isIdent()
                || List.of("template", "friend", "static_assert", "_Static_assert", "using")
                        .contains(first)
                || identAtTop(tokens, "extern", declarationEnd)) {
            return Map.of(); // an extern declaration only names what another file defines
        }
        SymbolKind kind = identAtTop(tokens, "typedef", declarationEnd) ? SymbolKind.TYPEDEF : SymbolKind.VARIABLE;
        Map<Token, SymbolKind> names = new java.util.LinkedHashMap<>();
        int start = 0;
        while (start <= tokens.size()) {
            int comma = indexAtTop(tokens, ",", start, tokens.size());
            int stop = comma < 0 ? tokens.size() : comma;
            int assign = indexAtTop(tokens, "=", start, stop);
            Token name =
                    declaratorName(withoutAttributes(tokens.subList(start, assign < 0 ? stop : assign)), start == 0);
            if (name != null) {
                names.put(name, kind);
            }
            start = stop + 1;
        }
        return names;
    }

    private static Token declaratorName(List<Token> declarator, boolean first) {
        int open = indexAtTop(declarator, "(", 0, declarator.size());
        if (open >= 0) {
            int close = matching(declarator, open);
            boolean pointer =
                    open + 1 < close && "*^&".contains(declarator.get(open + 1).text());
            // (*name)(...) is a pointer to a function, a variable; name(...) is a prototype, defining nothing
            return pointer ? lastIdent(declarator.subList(open + 1, close)) : null;
        }
        int bracket = indexAtTop(declarator, "[", 0, declarator.size());
        List<Token> before = declarator.subList(0, bracket < 0 ? declarator.size() : bracket);
        Token name = lastIdent(before);
        if (name == null) {
            return null;
        }
        int at = before.lastIndexOf(name);
        if (first && at == 0) {
            return null; // a bare name, like a macro invoked at file scope: FOO;
        }
        boolean tag = at > 0 && Keywords.isAggregate(before.get(at - 1).text());
        return tag ? null : name;
    }

    private static Token lastIdent(List<Token> tokens) {
        Token last = null;
        int depth = 0;
        for (Token token : tokens) {
            depth += token.is("(") || token.is("[") ? 1 : token.is(")") || token.is("]") ? -1 : 0;
            if (depth == 0 && token.isIdent() && !Keywords.isReserved(token.text())) {
                last = token;
            }
        }
        return last;
    }

    private static List<Token> withoutAttributes(List<Token> tokens) {
        List<Token> kept = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            if (Keywords.isAttribute(tokens.get(i).text())
                    && i + 1 < tokens.size()
                    && tokens.get(i + 1).is("(")) {
                i = matching(tokens, i + 1);
            } else {
                kept.add(tokens.get(i));
            }
        }
        return kept;
    }

    private static boolean identAtTop(List<Token> tokens, String word, int end) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            Token token = tokens.get(i);
            depth += token.is("(") || token.is("[") ? 1 : token.is(")") || token.is("]") ? -1 : 0;
            if (depth == 0 && token.isIdent() && token.text().equals(word)) {
                return true;
            }
        }
        return false;
    }

    /** The first {@code punct} outside parentheses and brackets in [from, to), or -1. */
    static int indexAtTop(List<Token> tokens, String punct, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            Token token = tokens.get(i);
            if (depth == 0 && token.is(punct)) {
                return i;
            }
            depth += token.is("(") || token.is("[") ? 1 : token.is(")") || token.is("]") ? -1 : 0;
        }
        return -1;
    }

    /** The index of the bracket closing the one at {@code open}; the last index when it is never closed. */
    static int matching(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            depth += token.is("(") || token.is("[") ? 1 : token.is(")") || token.is("]") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }
}
