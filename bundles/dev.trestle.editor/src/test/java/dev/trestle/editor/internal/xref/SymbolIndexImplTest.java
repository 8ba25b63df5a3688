package dev.trestle.editor.internal.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.editor.xref.Occurrence;
import dev.trestle.editor.xref.Refresh;
import dev.trestle.editor.xref.SymbolKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymbolIndexImplTest {
    @TempDir
    Path root;

    private Path write(String name, String text) throws IOException {
        Path file = root.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static List<String> where(List<Occurrence> occurrences) {
        return occurrences.stream()
                .map(o -> o.file().getFileName() + ":" + o.line() + ":" + o.column() + " "
                        + o.kind().label())
                .toList();
    }

    @Test
    void definitionsAndReferencesAcrossFiles() throws IOException {
        write("lib/count.h", "int count(const char *text);\n");
        write("lib/count.c", "#include \"count.h\"\nint count(const char *text) {\n  return 0;\n}\n");
        write("main.c", "#include \"lib/count.h\"\nint main(void) {\n  return count(\"x\");\n}\n");
        write("notes.txt", "int count(void) { }\n");
        write(".git/objects.c", "int count(void) { }\n");
        SymbolIndexImpl index = new SymbolIndexImpl(root);

        assertEquals(new Refresh(3, 3, 0, List.of()), index.refresh());

        assertEquals(List.of("count.c:2:5 function"), where(index.definitions("count")));
        assertEquals(List.of("count.h:1:5 reference", "main.c:3:10 reference"), where(index.references("count")));
        assertEquals(
                List.of(new Occurrence("main", SymbolKind.FUNCTION, root.resolve("main.c"), 2, 5)),
                index.symbols(root.resolve("main.c")));
        assertEquals(List.of(), index.definitions("missing"));
    }

    @Test
    void refreshRereadsOnlyChangedFilesAndDropsDeletedOnes() throws IOException {
        Path a = write("a.c", "int alpha = 1;\n");
        Path b = write("b.c", "int beta = 2;\n");
        write("c.c", "int gamma = 3;\n");
        SymbolIndexImpl index = new SymbolIndexImpl(root);
        index.refresh();

        assertEquals(new Refresh(3, 0, 0, List.of()), index.refresh());

        FileTime before = Files.getLastModifiedTime(a);
        Files.writeString(a, "int alpha2 = 1;\n");
        Files.setLastModifiedTime(a, FileTime.fromMillis(before.toMillis() + 2000));
        Files.delete(b);
        assertEquals(new Refresh(2, 1, 1, List.of()), index.refresh());
        assertEquals(List.of(), index.definitions("alpha"));
        assertEquals(List.of("a.c:1:5 variable"), where(index.definitions("alpha2")));
        assertEquals(List.of(), index.definitions("beta"));
        assertEquals(List.of(root.resolve("a.c"), root.resolve("c.c")), index.files());
    }

    @Test
    void sameSizeAndTimeIsTakenAsUnchanged() throws IOException {
        Path a = write("a.c", "int one = 1;\n");
        SymbolIndexImpl index = new SymbolIndexImpl(root);
        index.refresh();
        FileTime time = Files.getLastModifiedTime(a);
        Files.writeString(a, "int two = 1;\n");
        Files.setLastModifiedTime(a, time);

        // the documented key is path, size and time: an edit that keeps all three is not seen
        assertEquals(new Refresh(1, 0, 0, List.of()), index.refresh());
        assertEquals(List.of(), index.definitions("two"));
    }

    @Test
    void invalidUtf8IsIndexedNotRejected() throws IOException {
        Path file = root.resolve("latin1.c");
        byte[] text = "/* caf\u00e9 */ int caf = 1;\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Files.write(file, text);
        SymbolIndexImpl index = new SymbolIndexImpl(root);

        assertEquals(0, index.refresh().failures().size());
        assertEquals(List.of("latin1.c:1:16 variable"), where(index.definitions("caf")));
    }
}
