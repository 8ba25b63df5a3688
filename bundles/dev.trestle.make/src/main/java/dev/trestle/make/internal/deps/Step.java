package dev.trestle.make.internal.deps;

import java.util.ArrayList;
import java.util.List;

/**
 * A directive prepared once when its file is read: its keyword decoded, a {@code #define} parsed into its macro,
 * an {@code #if} expression lexed, an include's operand split off. Every unit that enters the file then only
 * evaluates it, which is what makes scanning thousands of units that share their headers cheap. Directives that
 * cannot change what is included ({@code #error}, {@code #line}, other pragmas …) are dropped here.
 *
 * <p>{@code next} is, for a branch ({@code #if}, {@code #elif}, {@code #else} …), the index of the step that ends
 * it (the group's next {@code #elif}/{@code #else}/{@code #endif}; the list's size when unterminated), so a branch
 * not taken is skipped in one step: a header entered again behind its include guard costs next to nothing.
 */
record Step(Op op, Directive directive, Macro macro, List<Token> tokens, String name, int next) {
    enum Op {
        IF,
        IFDEF,
        IFNDEF,
        ELIF,
        ELIFDEF,
        ELIFNDEF,
        ELSE,
        ENDIF,
        DEFINE,
        UNDEF,
        INCLUDE,
        INCLUDE_NEXT,
        IMPORT,
        PRAGMA_ONCE
    }

    static List<Step> compile(List<Directive> directives) {
        List<Step> steps = new ArrayList<>(directives.size());
        for (Directive d : directives) {
            Step step = compile(d);
            if (step != null) {
                steps.add(step);
            }
        }
        int[] next = new int[steps.size()];
        java.util.Arrays.fill(next, -1);
        java.util.ArrayDeque<Integer> open = new java.util.ArrayDeque<>(); // the latest branch of each open group
        for (int i = 0; i < steps.size(); i++) {
            switch (steps.get(i).op()) {
                case IF, IFDEF, IFNDEF -> open.push(i);
                case ELIF, ELIFDEF, ELIFNDEF, ELSE -> {
                    if (!open.isEmpty()) { // else an #else without #if, which the scan reports
                        next[open.pop()] = i;
                        open.push(i);
                    }
                }
                case ENDIF -> {
                    if (!open.isEmpty()) {
                        next[open.pop()] = i;
                    }
                }
                default -> {
                    // not a branch
                }
            }
        }
        open.forEach(i -> next[i] = steps.size());
        List<Step> linked = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            linked.add(next[i] < 0 ? s : new Step(s.op, s.directive, s.macro, s.tokens, s.name, next[i]));
        }
        return List.copyOf(linked);
    }

    private static Step compile(Directive d) {
        String rest = d.rest();
        return switch (d.keyword()) {
            case "if" -> new Step(Op.IF, d, null, List.copyOf(Token.lex(rest)), null, -1);
            case "elif" -> new Step(Op.ELIF, d, null, List.copyOf(Token.lex(rest)), null, -1);
            case "ifdef" -> new Step(Op.IFDEF, d, null, null, identifier(rest), -1);
            case "ifndef" -> new Step(Op.IFNDEF, d, null, null, identifier(rest), -1);
            case "elifdef" -> new Step(Op.ELIFDEF, d, null, null, identifier(rest), -1);
            case "elifndef" -> new Step(Op.ELIFNDEF, d, null, null, identifier(rest), -1);
            case "else" -> new Step(Op.ELSE, d, null, null, null, -1);
            case "endif" -> new Step(Op.ENDIF, d, null, null, null, -1);
            case "define" -> {
                Macro macro = Macro.parse(rest);
                yield macro == null ? null : new Step(Op.DEFINE, d, macro, null, null, -1);
            }
            case "undef" -> new Step(Op.UNDEF, d, null, null, rest.split("\\s+")[0].intern(), -1);
            case "include" -> include(Op.INCLUDE, d);
            case "include_next" -> include(Op.INCLUDE_NEXT, d);
            case "import" -> include(Op.IMPORT, d);
            case "pragma" ->
                rest.equals("once") || rest.startsWith("once ")
                        ? new Step(Op.PRAGMA_ONCE, d, null, null, null, -1)
                        : null;
            default -> null;
        };
    }

    /** {@code name} is the operand with its quotes or brackets when literal; else {@code tokens} are to expand. */
    private static Step include(Op op, Directive d) {
        String rest = d.rest();
        if (rest.startsWith("\"") && rest.indexOf('"', 1) > 0) {
            return new Step(op, d, null, null, rest.substring(0, rest.indexOf('"', 1) + 1), -1);
        }
        if (rest.startsWith("<") && rest.indexOf('>') > 0) {
            return new Step(op, d, null, null, rest.substring(0, rest.indexOf('>') + 1), -1);
        }
        return new Step(op, d, null, List.copyOf(Token.lex(rest)), null, -1);
    }

    /** The name an {@code #ifdef} tests: up to the first character that cannot be in one. */
    private static String identifier(String rest) {
        int end = 0;
        while (end < rest.length() && identifierChar(rest.charAt(end))) {
            end++;
        }
        return rest.substring(0, end).intern(); // see Token.lex
    }

    private static boolean identifierChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
    }
}
