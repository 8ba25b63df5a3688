package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.history.FileStamp;
import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.history.Version;
import dev.trestle.editor.internal.history.HistoryServiceImpl;
import dev.trestle.editor.internal.text.TextDocumentServiceImpl;
import dev.trestle.workbench.EditorPart;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** A 64 MB strace log in the large-file view, in a real workbench window under X: read, searched, edited, saved. */
@EnabledIfEnvironmentVariable(
        named = "DISPLAY",
        matches = ".+",
        disabledReason = "needs an X display: run under xvfb-run")
class LargeFileSwtTest {
    private static final long SIZE = 64L << 20;
    private static final long MAX_HEAP_GROWTH = 32L << 20;
    private static final String NEEDLE = "needle-near-the-end";

    @TempDir
    Path temp;

    private WorkbenchFixture window;
    private SourceEditorContribution editors;

    @BeforeEach
    void openWindow() {
        editors = new SourceEditorContribution(new HistoryServiceImpl(), temp.resolve("editor-state"), null);
        editors.bindDocuments(new TextDocumentServiceImpl());
        window = WorkbenchFixture.open(temp.resolve("state"), editors);
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    /** Writes strace-like lines up to {@code size} bytes; returns the number of the last line (0-based). */
    private static long writeLog(Path file, long size) throws IOException {
        long line = 0;
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            while (written < size - 200) {
                String text = (4000 + line % 97) + " 12:" + (line / 60000 % 60) + ":" + (line % 60)
                        + ".123456 openat(AT_FDCWD, \"/usr/lib/x86_64-linux-gnu/lib" + line
                        + ".so\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory) <0.000012>\n";
                out.write(text);
                written += text.length();
                line++;
            }
            String needle = "4001 12:59:59.000001 write(2, \"" + NEEDLE + "\", 19) = 19\n";
            out.write(needle);
            out.write("4001 12:59:59.000002 exit_group(0) = ?\n");
            out.write("+++ exited with 0 +++");
            line += 2;
        }
        return line;
    }

    @Test
    void aLargeLogOpensScrollsToItsEndAndFindsTextWithoutLoadingItOntoTheHeap() throws Exception {
        Path file = temp.resolve("big.strace");
        long lastLine = writeLog(file, SIZE);
        assertTrue(Files.size(file) > FileContent.MAX_SIZE);

        long before = Heap.used();
        long start = System.nanoTime();
        EditorPart part = window.openFile(file, 0);
        long openMillis = (System.nanoTime() - start) / 1_000_000;
        LargeFileEditor editor = assertInstanceOf(LargeFileEditor.class, part, window.lastError());
        StyledText text = editor.viewer().getTextWidget();
        assertTrue(text.getLine(0).startsWith("4000 12:0:0.123456 openat("), text.getLine(0));
        assertTrue(editor.bannerText().contains("paged from disk"), editor.bannerText());
        long after = Heap.used();
        System.out.printf(
                "large file: %d MB opened in %d ms, heap grew by %d KB%n",
                Files.size(file) >> 20, openMillis, (after - before) >> 10);
        assertTrue(
                after - before < MAX_HEAP_GROWTH,
                "heap grew by " + ((after - before) >> 20) + " MB for a " + (Files.size(file) >> 20) + " MB file");

        // colouring of what is on screen
        editor.colouring().colour();
        int syscall = text.getLine(0).indexOf("openat");
        StyleRange style = text.getStyleRangeAtOffset(syscall);
        assertNotNull(style, "no style at the first line's system call");
        assertEquals(Style.SYSCALL.color().getRGB(), style.foreground.getRGB());

        // go to line (what Ctrl+L does) to the last line, once the widget knows the exact line count
        LargeDocument document = (LargeDocument) editor.viewer().getDocument();
        window.pumpUntil(() -> !document.lineCountEstimated(), "the line count to settle");
        int lines = editor.viewer().getDocument().getNumberOfLines();
        assertTrue(text.getLineCount() < lines / 10, "the widget holds a window of the file, not all of it");
        assertEquals(lastLine + 1, lines);
        long gotoStart = System.nanoTime();
        editor.revealLine(lines);
        window.pump();
        long gotoMillis = (System.nanoTime() - gotoStart) / 1_000_000;
        int caretLine = text.getLineAtOffset(text.getCaretOffset());
        assertEquals("+++ exited with 0 +++", text.getLine(caretLine));
        editor.colouring().colour();
        int exit = text.getOffsetAtLine(caretLine - 1)
                + text.getLine(caretLine - 1).indexOf("exit_group");
        StyleRange exitStyle = text.getStyleRangeAtOffset(exit);
        assertNotNull(exitStyle, "no style at the last lines' system call");
        assertEquals(Style.SYSCALL.color().getRGB(), exitStyle.foreground.getRGB());

        // the document map beside the text spans the whole file: a click at its foot shows the last lines
        Canvas map = editor.map().control();
        assertEquals(LargeFileMap.WIDTH, map.getSize().x, "the map's width");
        assertEquals(editor.viewer().getControl().getSize().y, map.getSize().y, "the map is as tall as the text");
        window.pumpUntil(() -> editor.map().sampledLines() >= 0, "the map's rows sampled");
        assertEquals(map.getClientArea().height, editor.map().sampledLines(), "a line of the log on every row");
        Event click = new Event();
        click.y = map.getClientArea().height - 1;
        click.button = 1;
        map.notifyListeners(SWT.MouseDown, click);
        map.notifyListeners(SWT.MouseUp, click);
        window.pump();
        int top = editor.viewer().widgetOffset2ModelOffset(text.getOffsetAtLine(text.getTopIndex()));
        assertTrue(document.getLineOfOffset(top) > lines - 200, "top line " + document.getLineOfOffset(top));
        assertEquals(top, editor.map().viewportStart(), "the map's slider follows the text to the end");
        assertEquals("+++ exited with 0 +++", text.getLine(text.getLineCount() - 1));
        int exitLine = text.getLineCount() - 2;
        int exitOffset = text.getOffsetAtLine(exitLine) + text.getLine(exitLine).indexOf("exit_group");
        window.pumpUntil(() -> text.getStyleRangeAtOffset(exitOffset) != null, "the lines on screen coloured");
        Path png = Path.of("target/screenshots/large-file.png");
        window.screenshot(png);
        assertTrue(Files.size(png) > 10_000, "a real picture");

        // Ctrl+Home and Ctrl+End reach the ends of the file, not of the window of it that the widget holds
        window.key(text, '\0', SWT.HOME, SWT.MOD1);
        assertEquals(0, editor.viewer().getSelectedRange().x);
        assertEquals(0, text.getCaretOffset());
        window.key(text, '\0', SWT.END, SWT.MOD1);
        assertEquals(document.getLength(), editor.viewer().getSelectedRange().x);
        assertEquals(lines - 1, document.getLineOfOffset(editor.viewer().getSelectedRange().x));
        assertEquals("+++ exited with 0 +++", text.getLine(text.getLineAtOffset(text.getCaretOffset())));

        // find from the top
        editor.viewer().setSelectedRange(0, 0);
        editor.findBar().setSearch(NEEDLE, false);
        long findStart = System.nanoTime();
        assertTrue(editor.findBar().find(true));
        long findMillis = (System.nanoTime() - findStart) / 1_000_000;
        window.pump();
        assertEquals(NEEDLE, text.getSelectionText());
        assertEquals(lines - 3, document.getLineOfOffset(editor.viewer().getSelectedRange().x));
        System.out.printf("large file: go to last line %d ms, find near the end %d ms%n", gotoMillis, findMillis);
    }

    private static <T> T find(Control control, Class<T> type) {
        if (type.isInstance(control)) {
            return type.cast(control);
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                T found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    @Test
    void aLargeLogIsEditedUndoneAndSavedByteForByteWithoutLoadingItOntoTheHeap() throws Exception {
        Path file = temp.resolve("edit.strace");
        writeLog(file, SIZE);
        Path original = Files.copy(file, temp.resolve("original.strace"));
        long before = Heap.used();
        LargeFileEditor editor = assertInstanceOf(LargeFileEditor.class, window.openFile(file, 0), window.lastError());
        StyledText text = editor.viewer().getTextWidget();
        assertTrue(text.getEditable());
        String firstLine = text.getLine(0);
        window.pumpUntil(editor::historyReady, "the file's digest and undo history");

        text.setCaretOffset(0);
        window.type(text, "EDIT ");
        assertEquals("EDIT " + firstLine, text.getLine(0));
        assertTrue(editor.isDirty());
        assertEquals("*edit.strace", window.activeTabTitle());
        assertTrue(editor.changes().size() > 0, "the map marks the change");
        // typing is undone a word at a time: the space, then the word
        window.key(text, 'z', 'z', SWT.MOD1);
        assertEquals("EDIT" + firstLine, text.getLine(0), "undo takes the space back");
        window.key(text, 'z', 'z', SWT.MOD1);
        assertEquals(firstLine, text.getLine(0), "and then the word");
        window.key(text, 'z', 'z', SWT.MOD1 | SWT.SHIFT);
        window.key(text, 'z', 'z', SWT.MOD1 | SWT.SHIFT);
        assertEquals("EDIT " + firstLine, text.getLine(0), "redo puts them back");

        // a new line at the very end, typed where Ctrl+End puts the caret
        window.key(text, '\0', SWT.END, SWT.MOD1);
        window.type(text, "\nappended");
        assertEquals("appended", text.getLine(text.getLineCount() - 1));
        // one char per byte: a character outside ASCII is refused, and the banner says why
        int length = text.getCharCount();
        window.key(text, '\u00e9', '\u00e9', 0);
        assertEquals(length, text.getCharCount());
        assertTrue(editor.bannerText().contains("only ASCII"), editor.bannerText());

        assertTrue(window.saveActive(), window.lastError());
        assertFalse(editor.isDirty());
        assertEquals("edit.strace", window.activeTabTitle());
        Path expected = temp.resolve("expected.strace");
        try (OutputStream out = Files.newOutputStream(expected)) {
            out.write("EDIT ".getBytes(StandardCharsets.US_ASCII));
            Files.copy(original, out);
            out.write("\nappended".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(-1, Files.mismatch(expected, file), "the saved file is the original with the two edits");
        assertEquals(0, editor.changes().size(), "no unsaved changes to mark");
        LocalHistory versions = new HistoryServiceImpl().localHistory(temp.resolve("editor-state"));
        List<Version> kept = versions.versions(file);
        assertEquals(1, kept.size(), "the save kept the previous version");
        try (InputStream in = versions.open(kept.get(0))) {
            assertEquals(FileStamp.of(original).sha256(), FileStamp.sha256(in), "the kept version is the original");
        }
        long after = Heap.used();
        assertTrue(
                after - before < MAX_HEAP_GROWTH,
                "heap grew by " + ((after - before) >> 20) + " MB editing and saving a " + (Files.size(file) >> 20)
                        + " MB file");

        // the view keeps working over the saved file, and a second save writes the next edit
        window.key(text, '\0', SWT.HOME, SWT.MOD1);
        window.type(text, "#");
        assertTrue(window.saveActive(), window.lastError());
        try (InputStream in = Files.newInputStream(file)) {
            assertEquals(
                    "#EDIT " + firstLine, new String(in.readNBytes(firstLine.length() + 6), StandardCharsets.US_ASCII));
        }
        assertEquals(Files.size(expected) + 1, Files.size(file));

        // after a restart, undo goes on where it was: the "#", then "appended", then back to the original
        window.close();
        editors = new SourceEditorContribution(new HistoryServiceImpl(), temp.resolve("editor-state"), null);
        editors.bindDocuments(new TextDocumentServiceImpl());
        window = WorkbenchFixture.open(temp.resolve("state"), editors);
        LargeFileEditor reopened =
                assertInstanceOf(LargeFileEditor.class, window.openFile(file, 0), window.lastError());
        StyledText again = reopened.viewer().getTextWidget();
        window.pumpUntil(reopened::historyReady, "the undo history after the restart");
        assertEquals("#EDIT " + firstLine, again.getLine(0));
        window.key(again, 'z', 'z', SWT.MOD1);
        assertEquals("EDIT " + firstLine, again.getLine(0), "undo after a restart takes back the last edit");
        for (int i = 0; i < 4; i++) { // "appended", its line break, the space, the word
            window.key(again, 'z', 'z', SWT.MOD1);
        }
        assertEquals(firstLine, again.getLine(0), "and the ones before it");
        assertTrue(reopened.isDirty());
        assertTrue(window.saveActive(), window.lastError());
        assertEquals(-1, Files.mismatch(original, file), "undone to the original and saved: byte for byte");
        assertEquals(3, versions.versions(file).size(), "every save kept what it replaced");
    }
}
