package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.internal.history.LocalHistoryStore;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jface.text.Document;
import org.eclipse.jface.text.IDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectSearchTest {
    @TempDir
    Path root;

    @TempDir
    Path state;

    @BeforeEach
    void project() throws Exception {
        write("src/main.c", "int total;\nint main(void) {\n    total = 1; /* total */\n    return total;\n}\n");
        write("src/util.h", "extern int total;\n");
        write("build/linux-gcc/main.d", "total\n");
        write(".git/config", "total\n");
        write("docs/latin1.txt", null);
        Files.write(root.resolve("docs/latin1.txt"), "caf\u00e9 total\n".getBytes(StandardCharsets.ISO_8859_1));
        Files.write(root.resolve("src/blob.o"), new byte[] {0x7f, 'E', 'L', 'F', 0, 't', 'o', 't', 'a', 'l'});
    }

    private void write(String relative, String text) throws Exception {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        if (text != null) {
            Files.writeString(file, text);
        }
    }

    @Test
    void findsEveryMatchWithItsLineAndColumnAndSkipsBuildOutputsVersionControlAndBinaries() throws Exception {
        ProjectSearch.Result result = ProjectSearch.find(root, Pattern.compile("\\btotal\\b"), () -> false);
        List<String> hits = result.hits().stream()
                .map(h -> root.relativize(h.file()) + ":" + h.line() + ":" + h.column())
                .sorted()
                .toList();
        assertEquals(
                List.of(
                        "docs/latin1.txt:1:5",
                        "src/main.c:1:4",
                        "src/main.c:3:18",
                        "src/main.c:3:4",
                        "src/main.c:4:11",
                        "src/util.h:1:11"),
                hits);
        assertEquals(3, result.filesSearched(), "main.c, util.h and the Latin-1 text; not the object file");
        assertTrue(result.skipped().isEmpty(), result.skipped().toString());
        assertFalse(result.truncated());
        assertEquals(
                "caf\u00e9 total",
                result.hits().stream()
                        .filter(h -> h.file().endsWith("latin1.txt"))
                        .findFirst()
                        .orElseThrow()
                        .lineText());
    }

    @Test
    void anEmptyMatchIsFoundOncePerPositionAndAHugeResultStopsAtTheLimit() throws Exception {
        ProjectSearch.Result lineStarts =
                ProjectSearch.find(root.resolve("src"), Pattern.compile("^", Pattern.MULTILINE), () -> false);
        assertEquals(5 + 1, lineStarts.hits().size(), "one per line, as grep counts them: main.c 5, util.h 1");
        Files.writeString(root.resolve("src/many.txt"), "x".repeat(ProjectSearch.MAX_HITS + 5));
        ProjectSearch.Result many = ProjectSearch.find(root, Pattern.compile("x"), () -> false);
        assertTrue(many.truncated());
        assertEquals(ProjectSearch.MAX_HITS, many.hits().size());
    }

    @Test
    void replaceAllWritesClosedFilesThroughTheLocalHistoryAndChangesOpenOnesInTheirEditor() throws Exception {
        LocalHistory history = new LocalHistoryStore(state, Clock.systemUTC());
        Path main = root.resolve("src/main.c");
        Path util = root.resolve("src/util.h");
        String mainBefore = Files.readString(main);
        IDocument openUtil = new Document(Files.readString(util) + "/* unsaved total */\n");
        Map<Path, IDocument> open = Map.of(util, openUtil);
        ProjectReplace.Outcome outcome = ProjectReplace.replaceAll(
                List.of(main, util),
                Pattern.compile("\\btotal\\b"),
                "sum",
                true,
                file -> Optional.ofNullable(open.get(file)),
                history);
        assertEquals(2, outcome.files());
        assertEquals(4 + 2, outcome.replacements());
        assertEquals(List.of(util), outcome.leftUnsaved());
        assertTrue(outcome.refused().isEmpty(), outcome.refused().toString());
        assertEquals(mainBefore.replaceAll("\\btotal\\b", "sum"), Files.readString(main));
        try (InputStream kept = history.open(history.versions(main).get(0))) {
            assertEquals(mainBefore, new String(kept.readAllBytes(), StandardCharsets.UTF_8), "the previous text kept");
        }
        assertEquals("extern int sum;\n/* unsaved sum */\n", openUtil.get());
        assertEquals("extern int total;\n", Files.readString(util), "an open file is left to its editor to save");
    }

    @Test
    void oneEditCoversOnlyTheChangedSpanAndNeverSplitsACharacter() throws Exception {
        IDocument document = new Document("a\uD83D\uDE00b");
        int[] replaced = new int[2];
        document.addDocumentListener(new org.eclipse.jface.text.IDocumentListener() {
            @Override
            public void documentAboutToBeChanged(org.eclipse.jface.text.DocumentEvent event) {
                replaced[0] = event.getOffset();
                replaced[1] = event.getLength();
            }

            @Override
            public void documentChanged(org.eclipse.jface.text.DocumentEvent event) {}
        });
        // the two emoji share their high surrogate: the edit must still take the whole character
        ProjectReplace.applyAsOneEdit(document, document.get(), "a\uD83D\uDE01b");
        assertEquals("a\uD83D\uDE01b", document.get());
        assertEquals(1, replaced[0]);
        assertEquals(2, replaced[1]);
    }
}
