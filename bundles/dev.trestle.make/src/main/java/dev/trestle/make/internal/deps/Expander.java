package dev.trestle.make.internal.deps;

import dev.trestle.make.internal.deps.Token.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Macro expansion after C11 6.10.3, with per-token hide sets. In a conditional ({@code inCondition}) it also
 * answers {@code defined}, {@code __has_include} and {@code __has_include_next}; other {@code __has_*} queries and
 * any {@link MacroTable#UNKNOWN} macro become an {@link Kind#UNKNOWN} token.
 */
final class Expander {
    private final MacroTable macros;
    private final boolean inCondition;
    /** (spelling, next) → whether the header exists; spelling keeps its quotes or brackets. */
    private final BiFunction<String, Boolean, Boolean> hasInclude;

    Expander(MacroTable macros, boolean inCondition, BiFunction<String, Boolean, Boolean> hasInclude) {
        this.macros = macros;
        this.inCondition = inCondition;
        this.hasInclude = hasInclude;
    }

    List<Token> expand(List<Token> input) {
        Deque<Token> in = new ArrayDeque<>(input);
        List<Token> out = new ArrayList<>();
        while (!in.isEmpty()) {
            Token t = in.removeFirst();
            if (t.kind() != Kind.IDENTIFIER || t.hide().contains(t.text())) {
                out.add(t);
            } else if (inCondition && t.text().equals("defined")) {
                out.add(defined(in));
            } else if (inCondition && t.text().startsWith("__has_include")) {
                out.add(hasInclude(in, t.text().equals("__has_include_next")));
            } else if (inCondition
                    && t.text().startsWith("__has_")
                    && !in.isEmpty()
                    && in.peekFirst().is("(")) {
                skipGroup(in);
                out.add(new Token(Kind.UNKNOWN, t.text(), t.spaceBefore(), Set.of()));
            } else {
                Macro m = macros.get(t.text());
                if (m == null) {
                    out.add(t);
                } else if (m == MacroTable.UNKNOWN) {
                    if (!in.isEmpty() && in.peekFirst().is("(")) {
                        skipGroup(in);
                    }
                    out.add(new Token(Kind.UNKNOWN, t.text(), t.spaceBefore(), Set.of()));
                } else if (!m.functionLike()) {
                    pushFront(in, substitute(m, List.of(), union(t.hide(), m.name())), t.spaceBefore());
                } else if (!in.isEmpty() && in.peekFirst().is("(")) {
                    List<List<Token>> args = arguments(in);
                    if (args == null) {
                        out.add(new Token(Kind.UNKNOWN, t.text(), t.spaceBefore(), Set.of()));
                    } else {
                        pushFront(in, substitute(m, args, union(t.hide(), m.name())), t.spaceBefore());
                    }
                } else {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** What {@code defined X} and {@code __has_include(…)} become: conditions evaluate millions of them. */
    private static final Token TRUE = new Token(Kind.NUMBER, "1", true, Set.of());

    private static final Token FALSE = new Token(Kind.NUMBER, "0", true, Set.of());

    private Token defined(Deque<Token> in) {
        boolean paren = !in.isEmpty() && in.peekFirst().is("(");
        if (paren) {
            in.removeFirst();
        }
        Token name = in.pollFirst();
        if (paren && !in.isEmpty() && in.peekFirst().is(")")) {
            in.removeFirst();
        }
        if (name == null || name.kind() != Kind.IDENTIFIER) {
            return new Token(Kind.UNKNOWN, "defined", false, Set.of());
        }
        Boolean defined = macros.isDefined(name.text());
        return defined == null ? new Token(Kind.UNKNOWN, name.text(), true, Set.of()) : defined ? TRUE : FALSE;
    }

    private Token hasInclude(Deque<Token> in, boolean next) {
        if (in.isEmpty() || !in.peekFirst().is("(")) {
            return new Token(Kind.UNKNOWN, "__has_include", true, Set.of());
        }
        List<Token> operand = skipGroup(in);
        if (operand.size() == 1 && operand.get(0).kind() == Kind.IDENTIFIER) {
            operand = expand(operand);
        }
        String spelling = Macro.spelling(operand).replace(" ", "");
        Boolean found = hasInclude.apply(spelling, next);
        return found == null ? new Token(Kind.UNKNOWN, "__has_include", true, Set.of()) : found ? TRUE : FALSE;
    }

    /** Removes a parenthesised group from the input and returns what was inside. */
    private static List<Token> skipGroup(Deque<Token> in) {
        List<Token> inside = new ArrayList<>();
        in.removeFirst();
        int depth = 1;
        while (!in.isEmpty()) {
            Token t = in.removeFirst();
            depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
            if (depth == 0) {
                break;
            }
            inside.add(t);
        }
        return inside;
    }

    /** The arguments of a call whose {@code (} is next; {@code null} when the call is not closed. */
    private static List<List<Token>> arguments(Deque<Token> in) {
        List<List<Token>> args = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        in.removeFirst();
        int depth = 0;
        while (!in.isEmpty()) {
            Token t = in.removeFirst();
            if (t.is(")") && depth == 0) {
                args.add(current);
                return args;
            } else if (t.is(",") && depth == 0) {
                args.add(current);
                current = new ArrayList<>();
            } else {
                depth += t.is("(") ? 1 : t.is(")") ? -1 : 0;
                current.add(t);
            }
        }
        return null;
    }

    private List<Token> substitute(Macro m, List<List<Token>> args, Set<String> hide) {
        return new Substitution(m, args, this::expandArgument)
                .apply().stream().map(t -> t.withHide(hide)).toList();
    }

    private List<Token> expandArgument(List<Token> argument) {
        return new Expander(macros, inCondition, hasInclude).expand(argument);
    }

    private static void pushFront(Deque<Token> in, List<Token> tokens, boolean space) {
        for (int i = tokens.size() - 1; i >= 0; i--) {
            in.addFirst(i == 0 ? tokens.get(i).withSpace(space) : tokens.get(i));
        }
    }

    private static Set<String> union(Set<String> hide, String name) {
        Set<String> union = new HashSet<>(hide);
        union.add(name);
        return union;
    }
}
