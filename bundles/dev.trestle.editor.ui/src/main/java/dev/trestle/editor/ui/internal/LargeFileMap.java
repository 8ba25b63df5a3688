package dev.trestle.editor.ui.internal;

import dev.trestle.editor.text.TextDocument;
import java.nio.charset.StandardCharsets;
import java.util.function.LongConsumer;
import org.eclipse.jface.text.Document;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * The document map of a large file: each pixel row stands for an equal share of the file's bytes and shows one line
 * sampled there (as long as the line, coloured by its most telling token: an error, a system call), so the map costs a few hundred small reads
 * whatever the file's size, and never waits for the line count. The part on screen is a translucent slider that
 * scrolls the text when clicked or dragged; unsaved changes (green, left) and search hits (orange, right) are marked.
 */
final class LargeFileMap {
    static final int WIDTH = DocumentMaps.WIDTH;
    /** Bytes read at a row's offset to find the next whole line and its head. */
    private static final int SAMPLE = 512;

    private static final long SAMPLING_SLICE_NANOS = 8_000_000;
    private static final int RESAMPLE_AFTER_MS = 500;

    private final Canvas canvas;
    private final TextDocument text;
    private final Language language;
    /** Made when the first row is sampled, after the first screen: its lexer is not needed before. */
    private LineStyles lineStyles;

    private final OffsetMarks changes;
    private final OffsetMarks hits;
    private LongConsumer onScroll = offset -> {};
    private long viewportStart;
    private long viewportBytes;
    private Row[] rows = new Row[0];
    /** The length the rows are being sampled for. */
    private long rowsForLength = -1;
    /** True when the rows must be sampled again at the next paint. */
    private boolean stale = true;

    private final Runnable resample = () -> {
        stale = true;
        redraw();
    };
    /** Rows sampled so far, from the top; the rest are sampled a slice at a time. */
    private int sampled;
    /** The end of the last line sampled, so that a file with fewer bytes than rows shows each line once. */
    private long sampledUpTo = -1;

    private final byte[] buffer = new byte[SAMPLE];

    LargeFileMap(Composite parent, TextDocument text, Language language, OffsetMarks changes, OffsetMarks hits) {
        this.text = text;
        this.language = language;
        this.changes = changes;
        this.hits = hits;
        canvas = DocumentMaps.canvas(parent, this::paint, this::scrollTo);
        canvas.addListener(SWT.Resize, event -> stale = true);
    }

    Canvas control() {
        return canvas;
    }

    static GridData layoutData() {
        return DocumentMaps.layoutData();
    }

    /** Called with the offset the user wants at the top of the text. */
    void onScroll(LongConsumer listener) {
        onScroll = listener;
    }

    /** The bytes on screen, for the slider. */
    void showViewport(long start, long bytes) {
        if (start != viewportStart || bytes != viewportBytes) {
            viewportStart = start;
            viewportBytes = bytes;
            redraw();
        }
    }

    /** Rows with a sampled line so far; every row once sampling is done. */
    int sampledLines() {
        int lines = 0;
        for (int y = 0; y < sampled; y++) {
            lines += rows[y] == null ? 0 : 1;
        }
        return sampled < rows.length || rows.length == 0 ? -1 : lines;
    }

    /** The first byte on screen, where the slider starts. */
    long viewportStart() {
        return viewportStart;
    }

    /**
     * The text changed: the rows are sampled again once typing pauses. Until then they stay as they are; an edit moves
     * the bytes of a row by a few at most, which the map cannot show anyway.
     */
    void textChanged() {
        if (!canvas.isDisposed()) {
            canvas.getDisplay().timerExec(RESAMPLE_AFTER_MS, resample);
        }
        redraw();
    }

    void redraw() {
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    private record Row(int indent, int length, Style style) {}

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        DocumentMaps.paintBackground(gc, area);
        long length = text.length();
        if (length == 0 || area.height <= 0) {
            return;
        }
        if (stale || rows.length != area.height) {
            stale = false;
            rows = new Row[area.height];
            rowsForLength = length;
            sampled = 0;
            sampledUpTo = -1;
            canvas.getDisplay().asyncExec(this::sampleSome);
        }
        for (int y = 0; y < sampled; y++) {
            Row row = rows[y];
            if (row != null && row.length > 0) {
                gc.setBackground(DocumentMaps.bar(row.style));
                gc.fillRectangle(2 + row.indent / 2, y, Math.max(1, row.length / 2), 1);
            }
        }
        paintMarks(gc, changes, DocumentMaps.CHANGED, 0, area, length);
        paintMarks(gc, hits, DocumentMaps.HIT, area.width - 8, area, length);
        int top = y(viewportStart, area.height, length);
        int height = Math.max(6, y(viewportStart + viewportBytes, area.height, length) - top);
        DocumentMaps.paintSlider(gc, area, top, height);
    }

    private static void paintMarks(GC gc, OffsetMarks marks, Color color, int x, Rectangle area, long length) {
        gc.setBackground(color);
        int width = x == 0 ? 3 : 8;
        marks.forEach(offset -> gc.fillRectangle(x, Math.max(0, y(offset, area.height, length) - 1), width, 3));
    }

    private static int y(long offset, int height, long length) {
        return (int) Math.min(height - 1L, offset * height / length);
    }

    /**
     * Samples rows for a few milliseconds and paints what it has, then goes on in the next turn of the event loop: on
     * a file whose pages are not cached yet each row may wait for the disk, and the first screen of text must not.
     */
    private void sampleSome() {
        if (canvas.isDisposed() || sampled >= rows.length) {
            return;
        }
        long length = text.length();
        if (length != rowsForLength) {
            resample.run(); // the text changed while sampling: start over
            return;
        }
        long deadline = System.nanoTime() + SAMPLING_SLICE_NANOS;
        do {
            sampleRow(sampled++, length);
        } while (sampled < rows.length && System.nanoTime() < deadline);
        canvas.redraw();
        if (sampled < rows.length) {
            canvas.getDisplay().asyncExec(this::sampleSome);
        }
    }

    /** Row {@code y}: the first whole line after its first byte (the first line, for row 0). */
    private void sampleRow(int y, long length) {
        long at = length * y / rows.length;
        if (at <= sampledUpTo) {
            return; // fewer bytes than rows: a line already drawn
        }
        int read = (int) Math.min(SAMPLE, length - at);
        text.read(at, buffer, 0, read);
        int start = 0;
        if (at > 0) {
            while (start < read && buffer[start] != '\n') {
                start++;
            }
            start++;
        }
        int end = start;
        while (end < read && buffer[end] != '\n') {
            end++;
        }
        if (start >= read) {
            return;
        }
        sampledUpTo = at + end;
        String line = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
        int indent = 0;
        while (indent < line.length() && Character.isWhitespace(line.charAt(indent))) {
            indent++;
        }
        int visible = Math.min(line.length(), WIDTH * 2) - indent;
        if (visible > 0) {
            if (lineStyles == null) {
                lineStyles = new LineStyles(language);
            }
            Style style = lineStyles.mostTellingStyle(new Document(line), indent, line.length() - indent);
            rows[y] = new Row(indent, visible, style);
        }
    }

    private void scrollTo(Event event) {
        Rectangle area = canvas.getClientArea();
        long length = text.length();
        // the slider's travel is the map's height: its top row shows the start, its bottom row the end
        long travel = Math.max(0, length - viewportBytes);
        double fraction = Math.max(0, Math.min(1, event.y / (double) Math.max(1, area.height - 1)));
        onScroll.accept((long) (travel * fraction));
    }
}
