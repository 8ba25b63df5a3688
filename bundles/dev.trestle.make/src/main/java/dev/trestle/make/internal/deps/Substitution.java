package dev.trestle.make.internal.deps;

import dev.trestle.make.internal.deps.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Replaces a macro's parameters in its body: {@code #param} stringizes the raw argument, {@code ##} pastes raw
 * neighbours, any other parameter is replaced by its fully expanded argument (C11 6.10.3.1–3).
 */
final class Substitution {
    private final Macro macro;
    private final List<List<Token>> args;
    private final UnaryOperator<List<Token>> expand;

    Substitution(Macro macro, List<List<Token>> args, UnaryOperator<List<Token>> expand) {
        this.macro = macro;
        this.args = args;
        this.expand = expand;
    }

    List<Token> apply() {
        List<Token> body = macro.body();
        List<Token> out = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            Token t = body.get(i);
            boolean pasteAfter = i + 1 < body.size() && body.get(i + 1).is("##");
            boolean pasteBefore = i > 0 && body.get(i - 1).is("##");
            if (macro.functionLike() && t.is("#") && i + 1 < body.size() && argument(body.get(i + 1)) != null) {
                String text = Macro.spelling(argument(body.get(i + 1)));
                out.add(new Token(
                        Kind.STRING,
                        '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"',
                        t.spaceBefore(),
                        Set.of()));
                i++;
            } else if (t.is("##") && !out.isEmpty() && i + 1 < body.size()) {
                Token right = body.get(++i);
                List<Token> rhs = argument(right) != null ? argument(right) : List.of(right);
                paste(out, rhs);
            } else if (argument(t) != null) {
                List<Token> arg = pasteAfter || pasteBefore ? argument(t) : expand.apply(argument(t));
                for (int k = 0; k < arg.size(); k++) {
                    out.add(k == 0 ? arg.get(k).withSpace(t.spaceBefore()) : arg.get(k));
                }
            } else {
                out.add(t);
            }
        }
        return out;
    }

    private static void paste(List<Token> out, List<Token> rhs) {
        if (rhs.isEmpty()) {
            return;
        }
        Token left = out.remove(out.size() - 1);
        List<Token> joined = Token.lex(left.text() + rhs.get(0).text());
        for (int k = 0; k < joined.size(); k++) {
            out.add(k == 0 ? joined.get(k).withSpace(left.spaceBefore()) : joined.get(k));
        }
        out.addAll(rhs.subList(1, rhs.size()));
    }

    /** The argument a parameter token stands for, or {@code null} when the token is no parameter. */
    private List<Token> argument(Token t) {
        if (!macro.functionLike() || t.kind() != Kind.IDENTIFIER) {
            return null;
        }
        int index = macro.params().indexOf(t.text());
        if (index < 0) {
            return null;
        }
        if (macro.variadic() && index == macro.params().size() - 1) {
            List<Token> rest = new ArrayList<>();
            for (int k = index; k < args.size(); k++) {
                if (k > index) {
                    rest.add(new Token(Kind.PUNCTUATOR, ",", false, Set.of()));
                }
                rest.addAll(args.get(k));
            }
            return rest;
        }
        return index < args.size() ? args.get(index) : List.of();
    }
}
