package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.internal.history.HistoryServiceImpl;
import dev.trestle.editor.internal.text.TextDocumentServiceImpl;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Figures for {@code benchmarks/editor.sh}, not a test of behaviour: it runs only when the script names the files
 * ({@code TRESTLE_EDITOR_BENCH_HUGE}, a file of about 1 GB; {@code TRESTLE_EDITOR_BENCH_EDIT}, about 100 MB) and
 * prints {@code EDITOR_BENCH name=value} lines. Times are taken in a real workbench window, from the call that opens
 * the file (or the key event) to the end of the next paint of the text widget.
 */
@EnabledIfEnvironmentVariable(named = "TRESTLE_EDITOR_BENCH_HUGE", matches = ".+")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EditorBenchmark {
    private static final int KEYSTROKES = 60;
    /**
     * Time between keys, as a fast typist's (about 15 keys a second). Keys sent back to back measure GTK's frame
     * pacing instead: a frame follows the previous one by at least one refresh interval, so every key would wait for
     * the frame after the last key's, whatever the editor does.
     */
    private static final long TYPING_INTERVAL_MS = 66;

    @TempDir
    Path temp;

    private WorkbenchFixture window;
    private long lastPaint;

    @BeforeEach
    void openWindow() {
        SourceEditorContribution editors =
                new SourceEditorContribution(new HistoryServiceImpl(), temp.resolve("editor-state"), null);
        editors.bindDocuments(new TextDocumentServiceImpl());
        window = WorkbenchFixture.open(temp.resolve("state"), editors);
        window.settle(300);
        // catches a paint during opening, before the widget can be watched itself (filters run before listeners)
        Listener paints = event -> {
            if (event.widget instanceof StyledText text && text.getContent().getCharCount() > TextWindow.SIZE / 4) {
                lastPaint = System.nanoTime();
            }
        };
        Display.getCurrent().addFilter(SWT.Paint, paints);
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    private static void report(String name, Object value) {
        System.out.println("EDITOR_BENCH " + name + "=" + value);
    }

    private static long millisSince(long start, long end) {
        return (end - start) / 1_000_000;
    }

    /** Notes the end of each paint: this listener runs after the widget's own, which were added first. */
    private void watch(StyledText text) {
        text.addListener(SWT.Paint, event -> lastPaint = System.nanoTime());
    }

    /** Pumps until a paint after {@code start}; returns when it happened. */
    private long paintAfter(long start) {
        window.pumpUntil(() -> lastPaint > start, "a paint", Duration.ofSeconds(60));
        return lastPaint;
    }

    /** {@code VmRSS} (all resident memory, pages of the mapped file included) or {@code RssAnon} (without them). */
    private static long rssKilobytes(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    @Test
    @Order(1) // first, as a user opens a file in a workbench that has not opened one yet
    void hugeFileFirstScreenMemoryAndLastLine() throws Exception {
        Path file = Path.of(System.getenv("TRESTLE_EDITOR_BENCH_HUGE"));
        long heapBefore = Heap.used();
        long rssBefore = rssKilobytes("VmRSS");
        long anonBefore = rssKilobytes("RssAnon");
        long start = System.nanoTime();
        LargeFileEditor editor = assertInstanceOf(LargeFileEditor.class, window.openFile(file, 0), window.lastError());
        watch(editor.viewer().getTextWidget());
        long painted = paintAfter(start);
        report("huge_bytes", Files.size(file));
        report("huge_open_to_first_paint_ms", millisSince(start, painted));
        StyledText text = editor.viewer().getTextWidget();
        LargeDocument document = (LargeDocument) editor.viewer().getDocument();
        report("huge_line_count_estimated_at_first_paint", document.lineCountEstimated());
        assertTrue(text.getLine(0).length() > 0, "the first line is shown");

        // Ctrl+End right away, while the background index may still be running
        text.setFocus();
        long endStart = System.nanoTime();
        Event end = new Event();
        end.keyCode = SWT.END;
        end.stateMask = SWT.MOD1;
        text.notifyListeners(SWT.KeyDown, end);
        long endPainted = paintAfter(endStart);
        report("huge_goto_last_line_ms", millisSince(endStart, endPainted));
        report("huge_caret_line", document.getLineOfOffset(editor.viewer().getSelectedRange().x) + 1);

        long heap = Heap.used();
        report("huge_heap_used_mb", heap >> 20);
        report("huge_heap_growth_mb", (heap - heapBefore) >> 20);
        report("huge_rss_mb", rssKilobytes("VmRSS") >> 10);
        report("huge_rss_growth_mb", (rssKilobytes("VmRSS") - rssBefore) >> 10);
        report("huge_rss_anon_mb", rssKilobytes("RssAnon") >> 10);
        report("huge_rss_anon_growth_mb", (rssKilobytes("RssAnon") - anonBefore) >> 10);

        long indexStart = System.nanoTime();
        document.text().lineIndexComplete().get();
        report("huge_index_wait_after_goto_ms", millisSince(indexStart, System.nanoTime()));
        window.pumpUntil(() -> !document.lineCountEstimated(), "the line count to settle", Duration.ofSeconds(120));
        report("huge_lines", document.getNumberOfLines());

        long middle = System.nanoTime();
        editor.revealLine(document.getNumberOfLines() / 2);
        report("huge_goto_middle_line_ms", millisSince(middle, paintAfter(middle)));
    }

    @Test
    @Order(2) // the same file in a new window of the same process: the editor's classes are loaded and compiled
    void hugeFileFirstScreenOnceTheEditorIsWarm() throws Exception {
        Path file = Path.of(System.getenv("TRESTLE_EDITOR_BENCH_HUGE"));
        long start = System.nanoTime();
        LargeFileEditor editor = assertInstanceOf(LargeFileEditor.class, window.openFile(file, 0), window.lastError());
        watch(editor.viewer().getTextWidget());
        report("huge_open_to_first_paint_warm_ms", millisSince(start, paintAfter(start)));
        report("huge_heap_used_warm_mb", Heap.used() >> 20);
    }

    @Test
    @Order(3)
    void keystrokeToPaintInALargeFile() throws Exception {
        String name = System.getenv("TRESTLE_EDITOR_BENCH_EDIT");
        if (name == null || name.isBlank()) {
            return;
        }
        Path original = Path.of(name);
        Path file = Files.copy(original, temp.resolve(original.getFileName()));
        LargeFileEditor editor = assertInstanceOf(LargeFileEditor.class, window.openFile(file, 0), window.lastError());
        StyledText text = editor.viewer().getTextWidget();
        watch(text);
        LargeDocument document = (LargeDocument) editor.viewer().getDocument();
        window.pumpUntil(() -> !document.lineCountEstimated(), "the line count to settle", Duration.ofSeconds(60));
        editor.revealLine(document.getNumberOfLines() / 2);
        window.settle(200);
        long[] latencies = new long[KEYSTROKES];
        long[] handling = new long[KEYSTROKES];
        long[] backToBack = new long[KEYSTROKES];
        for (int i = 0; i < KEYSTROKES; i++) {
            window.settle(TYPING_INTERVAL_MS);
            char c = (char) ('a' + i % 26);
            Event key = new Event();
            key.character = c;
            key.keyCode = c;
            long start = System.nanoTime();
            text.notifyListeners(SWT.KeyDown, key);
            handling[i] = System.nanoTime() - start;
            latencies[i] = paintAfter(start) - start;
        }
        for (int i = 0; i < KEYSTROKES; i++) {
            Event key = new Event();
            key.character = ' ';
            key.keyCode = ' ';
            long start = System.nanoTime();
            text.notifyListeners(SWT.KeyDown, key);
            backToBack[i] = paintAfter(start) - start;
        }
        Arrays.sort(latencies);
        Arrays.sort(handling);
        Arrays.sort(backToBack);
        report(
                "edit_back_to_back_keystroke_to_paint_median_ms",
                String.format("%.2f", backToBack[KEYSTROKES / 2] / 1e6));
        report("edit_key_handling_median_ms", String.format("%.2f", handling[KEYSTROKES / 2] / 1e6));
        report("edit_bytes", Files.size(file));
        report("edit_keystroke_to_paint_median_ms", String.format("%.2f", latencies[KEYSTROKES / 2] / 1e6));
        report("edit_keystroke_to_paint_p95_ms", String.format("%.2f", latencies[KEYSTROKES * 95 / 100] / 1e6));
        report("edit_keystroke_to_paint_max_ms", String.format("%.2f", latencies[KEYSTROKES - 1] / 1e6));
        assertTrue(editor.isDirty());
    }
}
