package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.history.FileStamp;
import dev.trestle.editor.internal.history.HistoryServiceImpl;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jface.text.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The document side of persistent undo, headless: JFace's Document against the real journaled history. */
@Timeout(20)
class PersistentUndoTest {
    @TempDir
    Path temp;

    private final HistoryServiceImpl histories = new HistoryServiceImpl();

    private PersistentUndo open(Document document, Path file) throws Exception {
        String sha = FileStamp.sha256(new ByteArrayInputStream(document.get().getBytes(StandardCharsets.UTF_8)));
        return new PersistentUndo(document, histories.openEditHistory(temp.resolve("state"), file, sha));
    }

    @Test
    void typedWordIsOneUndoStepAndRedoBringsItBack() throws Exception {
        Document document = new Document("int x;\n");
        PersistentUndo undo = open(document, temp.resolve("a.c"));
        for (char c : "abc".toCharArray()) {
            document.replace(document.getLength(), 0, String.valueOf(c));
        }
        assertTrue(undo.undo());
        assertEquals("int x;\n", document.get());
        assertTrue(undo.redo());
        assertEquals("int x;\nabc", document.get());
        undo.close();
    }

    @Test
    void undoAfterRestartRestoresTheTextBeforeTheSavedEdit() throws Exception {
        Path file = temp.resolve("b.c");
        Document first = new Document("αβ\nend\n");
        PersistentUndo undo = open(first, file);
        first.replace(3, 0, "ünï ");
        String saved = first.get();
        undo.markSaved(FileStamp.sha256(new ByteArrayInputStream(saved.getBytes(StandardCharsets.UTF_8))));
        undo.close();

        Document reopened = new Document(saved);
        PersistentUndo again = open(reopened, file);
        assertTrue(again.undo(), "the edit of the first session is there");
        assertEquals("αβ\nend\n", reopened.get());
        assertFalse(again.undo(), "nothing before the first open");
        again.close();
    }

    @Test
    void editAfterUndoStartsABranchAndDoesNotRecordTheUndoItself() throws Exception {
        Document document = new Document("x");
        PersistentUndo undo = open(document, temp.resolve("c.c"));
        document.replace(1, 0, " one");
        undo.commit();
        long afterOne = undo.state();
        undo.undo();
        document.replace(0, 1, "y");
        undo.commit();
        assertEquals("y", document.get());
        undo.undo();
        assertEquals("x", document.get(), "applying the undo was not recorded as a new edit");
        assertTrue(afterOne != undo.state());
        undo.close();
    }

    @Test
    void utf8OffsetsCountSurrogatePairsAsFourBytes() {
        Document document = new Document("a😀b");
        Utf8Offsets offsets = new Utf8Offsets(document);
        assertEquals(5, offsets.toBytes(3));
        assertEquals(3, offsets.toChars(5));
        assertEquals(6, Utf8Offsets.utf8Length("a😀b", 0, 4));
        assertEquals("a😀b".getBytes(StandardCharsets.UTF_8).length, 6);
    }

    @Test
    void fileContentKeepsLatin1BytesAndCrlfAcrossASave() throws Exception {
        Path file = temp.resolve("latin.c");
        byte[] bytes = "caf\u00e9\r\nx\r\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(file, bytes);
        FileContent content = FileContent.read(file);
        assertEquals(StandardCharsets.ISO_8859_1, content.charset());
        assertTrue(content.text().contains("\r\n"));
        assertEquals(
                java.util.HexFormat.of().formatHex(bytes),
                java.util.HexFormat.of().formatHex(content.encode(content.text())));
    }
}
