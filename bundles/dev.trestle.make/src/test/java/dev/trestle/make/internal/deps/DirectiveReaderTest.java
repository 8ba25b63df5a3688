package dev.trestle.make.internal.deps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectiveReaderTest {
    private static final List<String> LINES = List.of(
            "#include <sys/types.h>",
            "#include \"a/b.h\"",
            "  #  define  X  ( 1 + 2 )  ",
            "#\tif defined(A) && B > 2\t",
            "#define URL \"http://example\"",
            "#define DIV(a, b) ((a) / (b))",
            "#pragma once",
            "#",
            "#endif",
            "#define CH '/'",
            "#unknownword some text",
            "#define \u00e9t\u00e9 1");

    private static Directive only(String text) {
        List<Directive> directives = DirectiveReader.read(text);
        assertEquals(1, directives.size(), text);
        return directives.get(0);
    }

    @Test
    void aPlainLineReadsAsTheSameLineWithCommentsAndContinuationsDoes() {
        for (String line : LINES) {
            Directive plain = only(line + "\n");
            // each of these sends the line down the general path, and must not change what it says
            for (String variant : List.of(line + "/* trailing */\n", line + " // trailing\n", line + "\r\n")) {
                assertEquals(plain, only(variant), variant);
            }
            int space = line.lastIndexOf(' ');
            if (space > 2) {
                String continued = line.substring(0, space) + " \\\n" + line.substring(space) + "\n";
                Directive joined = only(continued);
                assertEquals(plain.keyword(), joined.keyword(), continued);
                assertEquals(plain.rest().replaceAll("\\s+", " "), joined.rest().replaceAll("\\s+", " "), continued);
            }
        }
    }

    @Test
    void keywordsAndRestsAreSplitAndTrimmed() {
        assertEquals(new Directive(1, "define", "X  ( 1 + 2 )"), only("  #  define  X  ( 1 + 2 )  \n"));
        assertEquals(
                new Directive(2, "include", "<sys/types.h>"),
                DirectiveReader.read("int a;\n#include <sys/types.h>").get(0));
        assertEquals(new Directive(1, "", ""), only("#\n"));
        assertEquals(new Directive(1, "if", "A /  2"), only("#if A /  2\n"));
        assertEquals(new Directive(1, "if", "A"), only("#if A/*x*/\n"));
        assertEquals(new Directive(1, "if", "A"), only("#if A//x\n"));
        assertSame("include", only("#include <x.h>\n").keyword(), "a shared constant, not a new string");
    }

    @Test
    void directivesInsideCommentsAndStringsAreNotSeen() {
        String text = "/*\n#include \"no1.h\"\n*/\nchar *s = \"\\\n#include \\\"no2.h\\\"\";\n"
                + "// a comment \\\n#include \"no3.h\"\n/* x */ #include \"yes.h\"\n";
        List<Directive> directives = DirectiveReader.read(text);
        assertEquals(List.of(new Directive(8, "include", "\"yes.h\"")), directives);
    }

    @Test
    void definitionsAreEqualSpacingAsideButNotInsideLiterals() {
        Macro a = Macro.parse("X  ( 1 +\t2 ) ");
        Macro b = Macro.parse("X ( 1 + 2 )");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertTrue(a.sameAs(b));
        assertNotEquals(Macro.parse("X (1 + 2)"), b, "spaces between tokens are part of a definition");
        assertNotEquals(Macro.parse("S \"a  b\""), Macro.parse("S \"a b\""), "a literal is as written");
        assertFalse(Macro.parse("F(a) a").sameAs(Macro.parse("F(b) a")));
        assertEquals("( 1 + 2 )", Macro.spelling(a.body()));
        assertEquals(5, a.body().size());
        assertFalse(a.body().get(0).spaceBefore());
    }
}
