package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.internal.history.HistoryServiceImpl;
import dev.trestle.editor.internal.text.TextDocumentServiceImpl;
import dev.trestle.workbench.EditorPart;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** A 64 MB strace log in the read-only large-file view, in a real workbench window under X. */
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

    private static long usedHeap() throws InterruptedException {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    @Test
    void aLargeLogOpensReadOnlyScrollsToItsEndAndFindsTextWithoutLoadingItOntoTheHeap() throws Exception {
        Path file = temp.resolve("big.strace");
        long lastLine = writeLog(file, SIZE);
        assertTrue(Files.size(file) > FileContent.MAX_SIZE);

        long before = usedHeap();
        long start = System.nanoTime();
        EditorPart part = window.openFile(file, 0);
        long openMillis = (System.nanoTime() - start) / 1_000_000;
        LargeFileEditor editor = assertInstanceOf(LargeFileEditor.class, part, window.lastError());
        StyledText text = editor.viewer().getTextWidget();
        assertTrue(text.getLine(0).startsWith("4000 12:0:0.123456 openat("), text.getLine(0));
        assertTrue(editor.bannerText().contains("read-only view"), editor.bannerText());
        assertTrue(!text.getEditable(), "the large-file view is read-only");
        long after = usedHeap();
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

        // go to line (what Ctrl+L does) to the last line
        int lines = editor.viewer().getDocument().getNumberOfLines();
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

        // find from the top
        editor.viewer().setSelectedRange(0, 0);
        editor.findBar().setSearch(NEEDLE, false);
        long findStart = System.nanoTime();
        assertTrue(editor.findBar().find(true));
        long findMillis = (System.nanoTime() - findStart) / 1_000_000;
        window.pump();
        assertEquals(NEEDLE, text.getSelectionText());
        assertEquals(lines - 3, text.getLineAtOffset(text.getSelection().x));
        System.out.printf("large file: go to last line %d ms, find near the end %d ms%n", gotoMillis, findMillis);
    }
}
