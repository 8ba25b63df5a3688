package dev.trestle.editor.internal.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.internal.xref.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CLexerTest {
    private static List<String> idents(String text) {
        return CLexer.tokens(text).stream()
                .filter(Token::isIdent)
                .map(Token::text)
                .toList();
    }

    @Test
    void commentsAndLiteralContentsAreNotNames() {
        assertEquals(List.of("a", "b", "c", "d"), idents("a /* x */ b // y\n c = \"z \\\" w\" + 'q' + '\\'' ; d"));
    }

    @Test
    void apostropheInIncludeOrErrorDoesNotOpenALiteral() {
        assertEquals(List.of("after"), idents("#include <don't.h>\n#error it's broken\nafter"));
    }

    @Test
    void continuationKeepsADefineBodyAndCountsLines() {
        List<Token> tokens = CLexer.tokens("#define MAX(a, b) \\\n  ((a) > (b))\nint x;");
        Token define = tokens.getFirst();
        assertEquals(new Token(Kind.DEFINE, "MAX", 1, 9, false), define);
        assertTrue(tokens.stream().filter(t -> t.line() == 2).allMatch(Token::directive));
        Token x = tokens.stream().filter(t -> t.text().equals("x")).findFirst().orElseThrow();
        assertEquals(3, x.line());
        assertTrue(!x.directive());
    }

    @Test
    void crlfLineEndingsGiveTheSameLinesAndColumns() {
        List<Token> unix = CLexer.tokens("int a;\n/* c\n */ int b;\n#define M 1\nM;");
        List<Token> dos = CLexer.tokens("int a;\r\n/* c\r\n */ int b;\r\n#define M 1\r\nM;");
        assertEquals(unix, dos);
    }

    @Test
    void unterminatedCommentAndStringEndQuietly() {
        assertEquals(List.of("a"), idents("a /* never closed"));
        assertEquals(List.of("a", "b"), idents("a \"open\nb"));
    }

    @Test
    void rawStringSpansLinesAndHidesItsContent() {
        List<Token> tokens = CLexer.tokens("R\"x(one )\" two\nthree)x\" after");
        assertEquals(
                List.of(Kind.STRING, Kind.IDENT),
                tokens.stream().map(Token::kind).toList());
        assertEquals(2, tokens.get(1).line());
    }

    @Test
    void digitSeparatorIsPartOfTheNumber() {
        assertEquals(List.of("x", "y"), idents("x = 1'000'000; y"));
    }

    @Test
    void conditionalsAreReportedAndTheirExpressionsSkipped() {
        List<Kind> kinds = CLexer.tokens("#if defined(A) && B\n#elif C\n#else\n#endif\n").stream()
                .map(Token::kind)
                .toList();
        assertEquals(List.of(Kind.COND_IF, Kind.COND_ELSE, Kind.COND_ELSE, Kind.COND_ENDIF), kinds);
    }

    @Test
    void hashInsideALineIsNotADirective() {
        assertEquals(List.of("a", "define", "b"), idents("a # define b"));
    }
}
