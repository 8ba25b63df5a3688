package dev.trestle.editor.internal.xref;

import dev.trestle.editor.xref.Occurrence;
import dev.trestle.editor.xref.SymbolKind;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds definitions and references in the tokens of one file. It tracks braces to know what is at file scope, and
 * follows only the first branch of each preprocessor conditional for the brace count (as Universal Ctags does), so
 * that {@code #ifdef X  f(int a) {  #else  f(void) {  #endif} leaves one body open, not two.
 */
final class CParser {
    private enum Brace {
        TRANSPARENT,
        FUNCTION,
        AGGREGATE,
        ENUM,
        INITIALIZER,
        BLOCK
    }

    /** The braces open at an {@code #if}, and at the end of its first branch once another begins. */
    private static final class Conditional {
        final List<Brace> atIf;
        List<Brace> afterFirst;

        Conditional(List<Brace> atIf) {
            this.atIf = atIf;
        }
    }

    private final Path file;
    private final List<Occurrence> found = new ArrayList<>();
    private List<Brace> braces = new ArrayList<>();
    private final Deque<Conditional> conditionals = new ArrayDeque<>();
    private final List<Token> statement = new ArrayList<>();
    /** Where each recorded token's occurrence is in {@link #found}: a name seen as a use may turn out a definition. */
    private final Map<Token, Integer> recorded = new HashMap<>();

    private final AggregateHead head = new AggregateHead();
    private int parens;
    private int enumParens = -1;
    private boolean expectEnumerator;

    private CParser(Path file) {
        this.file = file;
    }

    static List<Occurrence> parse(Path file, String text) {
        CParser parser = new CParser(file);
        for (Token token : CLexer.tokens(text)) {
            parser.accept(token);
        }
        parser.endStatement();
        return parser.found;
    }

    private void accept(Token token) {
        switch (token.kind()) {
            case DEFINE -> define(token, SymbolKind.MACRO);
            case COND_IF, COND_ELSE, COND_ENDIF -> conditional(token.kind());
            default -> {
                if (token.directive()) {
                    reference(token);
                } else {
                    code(token);
                }
            }
        }
    }

    private void code(Token token) {
        head.accept(token);
        if (token.is("{")) {
            open(token);
        } else if (token.is("}")) {
            close();
        } else if (atFileScope()) {
            statement.add(token);
            if (token.is(";")) {
                endStatement();
            }
        } else {
            inBody(token);
        }
    }

    private void inBody(Token token) {
        parens += token.is("(") ? 1 : token.is(")") ? -1 : 0;
        boolean enumLevel = braces.getLast() == Brace.ENUM && parens == enumParens;
        if (enumLevel && token.is(",")) {
            expectEnumerator = true;
        } else if (enumLevel && expectEnumerator && token.isIdent()) {
            expectEnumerator = false;
            define(token, SymbolKind.ENUMERATOR);
        } else {
            reference(token);
        }
    }

    private void open(Token token) {
        boolean fileScope = atFileScope();
        Brace brace;
        if (head.keyword() != null) {
            if (head.name() != null) {
                define(head.name(), head.kind());
            }
            brace = head.kind() == SymbolKind.ENUM ? Brace.ENUM : Brace.AGGREGATE;
        } else if (fileScope) {
            brace = switch (Declarations.body(statement)) {
                case TRANSPARENT -> Brace.TRANSPARENT;
                case INITIALIZER -> Brace.INITIALIZER;
                case FUNCTION -> {
                    define(Declarations.functionName(statement), SymbolKind.FUNCTION);
                    yield Brace.FUNCTION;
                }
                case BLOCK -> Brace.BLOCK;
            };
        } else {
            brace = Brace.BLOCK;
        }
        head.reset();
        if (fileScope && (brace == Brace.AGGREGATE || brace == Brace.ENUM || brace == Brace.INITIALIZER)) {
            statement.add(new Token(Token.Kind.PUNCT, "{}", token.line(), token.column(), false));
        } else if (fileScope) {
            endStatement();
        }
        if (brace == Brace.ENUM) {
            enumParens = parens;
            expectEnumerator = true;
        }
        braces.add(brace);
    }

    private void close() {
        if (!braces.isEmpty()) {
            braces.removeLast();
        }
        expectEnumerator = false;
    }

    private void endStatement() {
        if (!statement.isEmpty() && statement.getLast().is(";")) {
            for (Map.Entry<Token, SymbolKind> name :
                    Declarations.defined(statement).entrySet()) {
                define(name.getKey(), name.getValue());
            }
        }
        statement.forEach(this::reference);
        statement.clear();
        parens = 0;
    }

    private void conditional(Token.Kind kind) {
        switch (kind) {
            case COND_IF -> conditionals.push(new Conditional(List.copyOf(braces)));
            case COND_ELSE -> {
                Conditional open = conditionals.peek();
                if (open != null) {
                    if (open.afterFirst == null) {
                        open.afterFirst = List.copyOf(braces);
                    }
                    braces = new ArrayList<>(open.atIf);
                }
            }
            default -> {
                Conditional open = conditionals.poll();
                if (open != null && open.afterFirst != null) {
                    braces = new ArrayList<>(open.afterFirst);
                }
            }
        }
    }

    private boolean atFileScope() {
        for (Brace brace : braces) {
            if (brace != Brace.TRANSPARENT) {
                return false;
            }
        }
        return true;
    }

    private void define(Token name, SymbolKind kind) {
        Occurrence definition = new Occurrence(name.text(), kind, file, name.line(), name.column());
        Integer at = recorded.get(name);
        if (at == null) {
            recorded.put(name, found.size());
            found.add(definition);
        } else if (!found.get(at).kind().isDefinition()) {
            found.set(at, definition); // struct NAME inside a body was recorded as a use before its { was seen
        }
    }

    private void reference(Token token) {
        if (token.isIdent() && !Keywords.isReserved(token.text()) && !recorded.containsKey(token)) {
            recorded.put(token, found.size());
            found.add(new Occurrence(token.text(), SymbolKind.REFERENCE, file, token.line(), token.column()));
        }
    }
}
