package dev.trestle.editor.internal.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.xref.Occurrence;
import dev.trestle.editor.xref.SymbolKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CParserTest {
    private static final Path FILE = Path.of("/src/a.c");

    /** Definitions as "kind name@line". */
    private static List<String> definitions(String text) {
        return CParser.parse(FILE, text).stream()
                .filter(o -> o.kind().isDefinition())
                .map(o -> o.kind().label() + " " + o.symbol() + "@" + o.line())
                .toList();
    }

    private static List<String> references(String text) {
        return CParser.parse(FILE, text).stream()
                .filter(o -> o.kind() == SymbolKind.REFERENCE)
                .map(o -> o.symbol() + "@" + o.line())
                .toList();
    }

    @Test
    void functionsAreDefinedByTheirBodyNotTheirPrototype() {
        assertEquals(
                List.of("function main@2"),
                definitions("int helper(int);\nint main(int argc, char **argv) {\n  return helper(argc);\n}\n"));
    }

    @Test
    void parenthesisedNameAsLuaWritesItsApi() {
        assertEquals(
                List.of("function lua_gettop@2"),
                definitions("LUA_API int (lua_gettop) (lua_State *L);\nLUA_API int (lua_gettop) (lua_State *L) {\n}"));
    }

    @Test
    void typesTypedefsAndEnumerators() {
        String text = """
                struct point { int x, y; };
                typedef struct node { struct node *next; } Node, *NodeList;
                typedef int (*callback)(void *);
                union value { int i; double d; };
                enum colour { RED = (1 << 0), GREEN = F(2, 3), BLUE };
                typedef enum { A, B } letter;
                struct point;
                """;
        assertEquals(
                List.of(
                        "struct point@1",
                        "struct node@2",
                        "typedef Node@2",
                        "typedef NodeList@2",
                        "typedef callback@3",
                        "union value@4",
                        "enum colour@5",
                        "enumerator RED@5",
                        "enumerator GREEN@5",
                        "enumerator BLUE@5",
                        "enumerator A@6",
                        "enumerator B@6",
                        "typedef letter@6"),
                definitions(text));
    }

    @Test
    void variablesAtFileScopeButNotExternOrLocal() {
        String text = """
                extern int declared;
                static const char *const names[] = { "a", "b" }, *other;
                int counter = 0;
                void (*handler)(int);
                struct point origin;
                FOO;
                int f(void) { int local = 1; return local; }
                """;
        assertEquals(
                List.of(
                        "variable names@2",
                        "variable other@2",
                        "variable counter@3",
                        "variable handler@4",
                        "variable origin@5",
                        "function f@7"),
                definitions(text));
    }

    @Test
    void macrosIncludingThoseInsideBodies() {
        assertEquals(
                List.of("macro LIMIT@1", "function f@2", "macro INNER@3"),
                definitions("#define LIMIT 10\nint f(void) {\n#define INNER 1\n  return LIMIT;\n}\n"));
        assertEquals(
                List.of("LIMIT@4"),
                references("#define LIMIT 10\nint f(void) {\n#define INNER 1\n  return LIMIT;\n}\n"));
    }

    @Test
    void onlyTheFirstBranchOfAConditionalCountsItsBraces() {
        String text = """
                #ifdef WIDE
                int f(long a) {
                #else
                int f(int a) {
                #endif
                  return a;
                }
                int after = 1;
                """;
        assertEquals(List.of("function f@2", "function f@4", "variable after@8"), definitions(text));
    }

    @Test
    void externCAndNamespacesStayAtFileScope() {
        assertEquals(
                List.of("function g@2", "function h@4"),
                definitions("extern \"C\" {\nint g(void) { return 0; }\n}\nnamespace n { int h() { return 1; } }"));
    }

    @Test
    void structsInsideFunctionsAreFound() {
        assertEquals(
                List.of("function f@1", "struct local@2"),
                definitions("void f(void) {\n  struct local { int a; } v;\n}\n"));
    }

    @Test
    void referencesSkipKeywordsAndDefinitionsAndKeepColumns() {
        List<Occurrence> found = CParser.parse(FILE, "int total(int n) {\n  return n + count(n);\n}\n");
        assertEquals(
                List.of("n@1", "n@2", "count@2", "n@2"),
                found.stream()
                        .filter(o -> o.kind() == SymbolKind.REFERENCE)
                        .map(o -> o.symbol() + "@" + o.line())
                        .toList());
        Occurrence count = found.stream()
                .filter(o -> o.symbol().equals("count"))
                .findFirst()
                .orElseThrow();
        assertEquals(14, count.column());
    }

    @Test
    void unbalancedBracesDoNotThrow() {
        assertEquals(List.of("variable x@2"), definitions("}}\nint x;\n"));
        assertEquals(List.of("function f@1"), definitions("int f(void) { { {"));
    }

    @Test
    void everyTruncationOfAFileParsesWithPositionsInsideIt() {
        String text = """
                #define MAX(a, b) \\
                    ((a) > (b) ? (a) : (b))
                typedef struct node { struct node *next; } Node;
                enum { A = MAX(1, 2), B };
                static const char *names[] = { "x\\"y", 'z' }; /* done */
                int f(Node *n) { return n ? f(n->next) + B : A; }
                """;
        for (int end = 0; end <= text.length(); end++) {
            String prefix = text.substring(0, end);
            long lines = prefix.lines().count();
            for (Occurrence occurrence : CParser.parse(FILE, prefix)) {
                assertTrue(occurrence.line() >= 1 && occurrence.line() <= lines, occurrence + " in " + end + " chars");
                String line = prefix.lines().toList().get(occurrence.line() - 1);
                assertEquals(
                        occurrence.symbol(),
                        line.substring(
                                occurrence.column() - 1,
                                occurrence.column() - 1 + occurrence.symbol().length()),
                        "column of " + occurrence);
            }
        }
    }
}
