package dev.trestle.trace.ui.internal;

import java.util.List;
import java.util.function.IntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * Events per process over time, one lane a pid, drawn from the {@link TimelineSummary} gathered during the parse: a
 * bar a bucket, as tall as the bucket is busy, red when a call in it failed, with a dark cap when it holds a slow call.
 * A click selects the first event of the nearest bucket in the lane clicked. The mouse wheel zooms around the pointer:
 * the range shown is summarised again from the events, so buckets get finer as the range narrows; a double-click shows
 * the whole log again.
 */
final class TimelineCanvas {
    static final int LABELS = 64;
    static final int AXIS = 16;
    static final int MAX_LANE_HEIGHT = 18;

    private final Canvas canvas;
    private final IntConsumer onEvent;
    private final Color busy;
    private final Color failed;
    private final Color slow;
    private final Color stripe;
    private TimelineSummary summary;
    private TimelineSummary whole;
    private final java.util.function.BiFunction<Long, Long, TimelineSummary> rangeSummary;
    /** The axis range shown when zoomed in: {@code [zoomFrom, zoomTo]}; null when the whole log is shown. */
    private long[] zoom;

    TimelineCanvas(Composite parent, IntConsumer onEvent) {
        this(parent, onEvent, (from, to) -> null);
    }

    /** @param rangeSummary the events of an axis range, summarised again; null when there are none */
    TimelineCanvas(
            Composite parent,
            IntConsumer onEvent,
            java.util.function.BiFunction<Long, Long, TimelineSummary> rangeSummary) {
        this.onEvent = onEvent;
        this.rangeSummary = rangeSummary;
        canvas = new Canvas(parent, SWT.BORDER | SWT.DOUBLE_BUFFERED);
        canvas.setToolTipText("Events per process over time: click to select the nearest event");
        busy = new Color(0x3a, 0x6e, 0xa5);
        failed = new Color(0xd0, 0x10, 0x10);
        slow = new Color(0x10, 0x20, 0x40);
        stripe = new Color(0xf2, 0xf4, 0xf8);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.MouseDown, this::click);
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        canvas.addListener(SWT.MouseVerticalWheel, e -> zoom(e.x, e.count > 0));
        canvas.addListener(SWT.MouseDoubleClick, e -> showWhole());
    }

    /** Zooms in (or out) by two around the axis value under {@code x}. */
    void zoom(int x, boolean in) {
        if (summary == null || whole == null || x < LABELS) {
            return;
        }
        long from = zoom == null ? whole.origin() : zoom[0];
        long to = zoom == null ? axisEnd(whole) : zoom[1];
        double at = Math.clamp((x - LABELS) / (double) plotWidth(), 0, 1);
        long pivot = from + (long) ((to - from) * at);
        double factor = in ? 0.5 : 2;
        long newFrom = pivot - (long) ((pivot - from) * factor);
        long newTo = pivot + (long) ((to - pivot) * factor);
        if (newFrom <= whole.origin() && newTo >= axisEnd(whole)) {
            showWhole();
            return;
        }
        if (newTo - newFrom < 2) {
            return; // as fine as the axis goes
        }
        newFrom = Math.max(newFrom, whole.origin());
        newTo = Math.min(newTo, axisEnd(whole));
        TimelineSummary range = rangeSummary.apply(newFrom, newTo);
        if (range != null) {
            zoom = new long[] {newFrom, newTo};
            summary = range;
            canvas.redraw();
        }
    }

    void showWhole() {
        zoom = null;
        summary = whole;
        canvas.redraw();
    }

    /** The axis range shown, or empty for the whole log. */
    java.util.Optional<long[]> zoomRange() {
        return java.util.Optional.ofNullable(zoom).map(long[]::clone);
    }

    /** The summary drawn now: the whole log's, or the zoomed range's. */
    TimelineSummary shown() {
        return summary;
    }

    private static long axisEnd(TimelineSummary s) {
        return s.origin() + (long) Math.max(s.usedBuckets(), 1) * s.width();
    }

    Canvas control() {
        return canvas;
    }

    void show(TimelineSummary shown) {
        whole = shown;
        summary = shown;
        zoom = null;
        canvas.redraw();
    }

    int laneCount() {
        return summary == null ? 0 : summary.lanes().size();
    }

    int laneHeight() {
        Rectangle area = canvas.getClientArea();
        return Math.clamp((area.height - AXIS) / (long) Math.max(laneCount(), 1), 1, MAX_LANE_HEIGHT);
    }

    private int plotWidth() {
        return Math.max(canvas.getClientArea().width - LABELS - 4, 1);
    }

    private int used() {
        return Math.max(summary.usedBuckets(), 1);
    }

    /** Where the bucket of {@code lane} is drawn: its middle, in canvas coordinates. */
    Point pointOf(int lane, int bucket) {
        int x = LABELS + (int) ((bucket + 0.5) * plotWidth() / used());
        return new Point(x, lane * laneHeight() + laneHeight() / 2);
    }

    private void click(Event e) {
        if (summary == null || e.button != 1 || e.x < LABELS) {
            return;
        }
        int lane = e.y / laneHeight();
        int bucket = (int) ((long) (e.x - LABELS) * used() / plotWidth());
        int event = summary.nearestEvent(lane, bucket);
        if (event >= 0) {
            onEvent.accept(event);
        }
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        gc.setBackground(canvas.getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        if (summary == null || summary.lanes().isEmpty()) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            gc.drawText("Timeline: open an strace log", 6, 4, true);
            return;
        }
        List<TimelineSummary.Lane> lanes = summary.lanes();
        int height = laneHeight();
        int plot = plotWidth();
        int used = used();
        double scale = Math.log1p(Math.max(summary.maxCount(), 1));
        long slowest = 0;
        for (TimelineSummary.Lane lane : lanes) {
            for (long d : lane.longest) {
                slowest = Math.max(slowest, d);
            }
        }
        int fontHeight = gc.getFontMetrics().getHeight();
        for (int l = 0; l < lanes.size(); l++) {
            TimelineSummary.Lane lane = lanes.get(l);
            int top = l * height;
            if (l % 2 == 1) {
                gc.setBackground(stripe);
                gc.fillRectangle(0, top, area.width, height);
            }
            if (height >= fontHeight - 4) {
                gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_BLACK));
                gc.drawText(
                        lane.pid == TimelineSummary.OTHERS ? "others" : Integer.toString(lane.pid),
                        4,
                        top + (height - fontHeight) / 2,
                        true);
            }
            for (int b = 0; b < used; b++) {
                if (lane.count[b] == 0) {
                    continue;
                }
                int x = LABELS + (int) ((long) b * plot / used);
                int w = Math.max(LABELS + (int) ((long) (b + 1) * plot / used) - x - 1, 1);
                int h = Math.max((int) Math.round(Math.log1p(lane.count[b]) / scale * (height - 2)), 1);
                gc.setBackground(lane.errors[b] > 0 ? failed : busy);
                gc.fillRectangle(x, top + height - 1 - h, w, h);
                if (slowest > 0 && lane.longest[b] * 4 >= slowest) {
                    gc.setBackground(slow);
                    gc.fillRectangle(x, top + height - 1 - h, w, Math.min(2, h));
                }
            }
        }
        int axis = lanes.size() * height;
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        gc.drawLine(LABELS, axis, LABELS + plot, axis);
        String start = label(summary.origin());
        String end = label(summary.origin() + (long) used * summary.width());
        gc.drawText(start, LABELS, axis + 1, true);
        gc.drawText(end, Math.max(LABELS + plot - gc.textExtent(end).x, LABELS), axis + 1, true);
        if (zoom != null) {
            String zoomed = "zoomed: wheel to zoom, double-click for the whole log";
            gc.drawText(zoomed, LABELS + (plot - gc.textExtent(zoomed).x) / 2, axis + 1, true);
        }
    }

    private String label(long value) {
        return summary.byTime() ? Formats.time(value) : "line " + value;
    }
}
