package dev.trestle.editor.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.editor.internal.xref.SymbolIndexServiceImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XrefCommandsTest {
    @TempDir
    Path root;

    private final XrefCommands commands = new XrefCommands(new SymbolIndexServiceImpl());

    @Test
    void printsDefinitionsBeforeReferencesWithTheirLines() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("main.c"), "int main(void) {\n    return  limit();\n}\n");
        Files.writeString(root.resolve("src/limit.c"), "/* the limit */\nint limit(void) { return 1; }\n");

        assertEquals(
                "src/limit.c:2:5  function  int limit(void) { return 1; }\n"
                        + "main.c:2:13  reference  return  limit();",
                commands.find(root.toString(), "limit"));
    }

    @Test
    void badArgumentsAreUsageErrorsNamingTheArgument() {
        CommandFailure notDirectory = assertThrows(
                CommandFailure.class, () -> commands.find(root.resolve("absent").toString(), "x"));
        assertEquals(2, notDirectory.status());
        assertTrue(notDirectory.getMessage().startsWith("not a directory: "), notDirectory.getMessage());

        CommandFailure badSymbol = assertThrows(CommandFailure.class, () -> commands.find(root.toString(), "a-b"));
        assertEquals("SYMBOL is not an identifier: 'a-b'", badSymbol.getMessage());

        CommandFailure count = assertThrows(CommandFailure.class, () -> commands.find(root.toString()));
        assertEquals("usage: xref find DIR SYMBOL (got 1 argument: " + root + ")", count.getMessage());
        CommandFailure three = assertThrows(CommandFailure.class, () -> commands.find(root.toString(), "a", "b"));
        assertEquals("usage: xref find DIR SYMBOL (got 3 arguments: " + root + " a b)", three.getMessage());
    }

    @Test
    void nothingFoundIsAFinding() throws IOException {
        Files.writeString(root.resolve("a.c"), "int a;\n");

        CommandFailure none = assertThrows(CommandFailure.class, () -> commands.find(root.toString(), "zzz"));
        assertEquals(1, none.status());
        assertTrue(none.getMessage().startsWith("no definition or reference of zzz in 1 files"), none.getMessage());
    }

    @Test
    void symbolsListsTheDefinitionsOfEveryFileUnderADirectoryOrOfOneFile() throws IOException {
        Files.createDirectories(root.resolve("src"));
        Files.writeString(root.resolve("main.c"), "#define LIMIT 3\nint main(void) {\n    return LIMIT;\n}\n");
        Files.writeString(root.resolve("src/limit.c"), "struct box { int n; };\nint limit(void) { return 1; }\n");

        assertEquals(
                "main.c:1:9  macro  #define LIMIT 3\n"
                        + "main.c:2:5  function  int main(void) {\n"
                        + "src/limit.c:1:8  struct  struct box { int n; };\n"
                        + "src/limit.c:2:5  function  int limit(void) { return 1; }",
                commands.symbols(root.toString()));
        assertEquals(
                "src/limit.c:1:8  struct  struct box { int n; };\n"
                        + "src/limit.c:2:5  function  int limit(void) { return 1; }",
                commands.symbols(root.toString(), "src"));
        CommandFailure outside =
                assertThrows(CommandFailure.class, () -> commands.symbols(root.toString(), "../elsewhere"));
        assertEquals(2, outside.status());
    }
}
