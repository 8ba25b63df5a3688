package dev.trestle.trace.ui.internal;

import dev.trestle.core.jobs.JobHandle;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/** The Trace view's widgets for one strace log: a header, the filters, the timeline, the events and the analyses. */
final class TracePanel {
    static final int TIMELINE_HEIGHT = 140;

    private final WorkbenchContext context;
    private final Composite root;
    private final Label header;
    private final FilterBar filters;
    private final TimelineCanvas timeline;
    private final EventsTable events;
    private final StraceTabs tabs;
    private StraceAnalysis analysis;
    private LineReader reader;
    private JobHandle<?> running;
    /** Filter results arriving after a newer filter was asked for are dropped. */
    private int filterGeneration;

    TracePanel(Composite parent, WorkbenchContext context) {
        this.context = context;
        root = new Composite(parent, SWT.NONE);
        root.setLayout(new GridLayout(1, false));
        header = new Label(root, SWT.NONE);
        header.setText("Open an strace log with Trace > Open Trace Log…");
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        filters = new FilterBar(root, this::filter, this::jump, header::setText);
        timeline = new TimelineCanvas(root, this::reveal, this::summariseRange);
        GridData timelineData = new GridData(SWT.FILL, SWT.FILL, true, false);
        timelineData.heightHint = TIMELINE_HEIGHT;
        timeline.control().setLayoutData(timelineData);
        SashForm sash = new SashForm(root, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        events = new EventsTable(sash);
        tabs = new StraceTabs(
                sash,
                line -> {
                    if (!events.revealLine(line)) {
                        header.setText("Line " + line + " is hidden by the filter");
                    }
                },
                context::openFile);
        sash.setWeights(62, 38);
        root.addDisposeListener(e -> release());
    }

    Composite control() {
        return root;
    }

    void open(Path file) {
        cancelRunning();
        Tabs.reveal(root);
        header.setText("Reading " + file + "…");
        JobHandle<StraceAnalysis> job =
                context.jobs().schedule("Read strace log " + file.getFileName(), new StraceJob(file));
        running = job;
        job.result()
                .whenComplete((read, failure) -> context.asyncExec(() -> {
                    if (!root.isDisposed() && running == job) {
                        running = null;
                        loaded(file, read, failure);
                    } else if (read != null) {
                        read.close(); // superseded or the view is gone: nobody shows it
                    }
                }));
    }

    private void loaded(Path file, StraceAnalysis read, Throwable failure) {
        if (failure != null) {
            Throwable cause =
                    failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof CancellationException) {
                header.setText("Reading " + file.getFileName() + " was cancelled");
            } else {
                header.setText("Could not read " + file);
                context.showError("Could not read the strace log " + file, cause);
            }
            return;
        }
        try {
            LineReader opened = new LineReader(file, read.lines());
            closeReader();
            reader = opened;
        } catch (IOException e) {
            read.close();
            context.showError("Could not reopen the strace log " + file, e);
            return;
        }
        closeAnalysis();
        analysis = read;
        events.show(read.events(), reader);
        timeline.show(read.timeline());
        // as tall as its lanes need, up to a few lines of the table
        ((GridData) timeline.control().getLayoutData()).heightHint = Math.min(
                TIMELINE_HEIGHT,
                read.timeline().lanes().size() * TimelineCanvas.MAX_LANE_HEIGHT + TimelineCanvas.AXIS + 8);
        tabs.show(read);
        filters.setSyscalls(read.events().names.names());
        context.project()
                .ifPresent(project ->
                        TraceAnnotations.replace(project, file, Findings.ofStrace(read, Path.of(project.getRoot()))));
        describe();
    }

    private void filter(EventFilter filter) {
        if (analysis == null) {
            return;
        }
        int generation = ++filterGeneration;
        if (filter.isEmpty()) {
            events.setRows(null);
            describe();
            return;
        }
        StraceAnalysis filtered = analysis;
        header.setText("Filtering…");
        JobHandle<FilteredRows> job = context.jobs()
                .schedule("Filter " + analysis.file().getFileName(), progress -> {
                    try (LineReader lines = new LineReader(filtered.file(), filtered.lines())) {
                        return filter.apply(filtered.events(), lines, progress);
                    }
                });
        job.result()
                .whenComplete((rows, failure) -> context.asyncExec(() -> {
                    if (root.isDisposed() || generation != filterGeneration || analysis != filtered) {
                        if (rows != null) {
                            rows.close(); // superseded: nobody shows them
                        }
                        return;
                    }
                    if (failure != null) {
                        context.showError("Filtering " + filtered.file() + " failed", failure);
                    } else {
                        events.setRows(rows);
                        describe();
                    }
                }));
    }

    private void reveal(int event) {
        if (analysis != null && !events.revealEvent(event)) {
            header.setText("That event is hidden by the filter");
        }
    }

    private void jump(long micros) {
        if (analysis != null && !events.revealTime(micros)) {
            header.setText("No shown event at or after " + Formats.time(micros));
        }
    }

    private void describe() {
        var report = analysis.report();
        String text = String.format(
                Locale.ROOT,
                "%s: %,d events, %,d shown, %,d lines",
                analysis.file().getFileName(),
                analysis.events().size(),
                events.rowCount(),
                report.lines());
        if (report.problemCount() > 0) {
            // never drop lines silently: say how many were not understood and where the first one is
            text += String.format(
                    Locale.ROOT,
                    ", %,d not understood (first: line %s)",
                    report.problemCount(),
                    report.firstProblemLines().isEmpty()
                            ? "?"
                            : report.firstProblemLines().get(0));
        }
        header.setText(text);
        header.getParent().layout();
    }

    /** The events whose axis value (time, or line without times) lies in {@code [from, to]}, summarised again. */
    private TimelineSummary summariseRange(long from, long to) {
        StraceAnalysis shown = analysis;
        if (shown == null) {
            return null;
        }
        EventTable table = shown.events();
        boolean byTime = shown.timeline().byTime();
        TimelineSummary range = new TimelineSummary();
        boolean any = false;
        for (int i = 0; i < table.size(); i++) {
            long value = byTime ? table.time(i) : table.line(i);
            if (value >= from && value <= to) {
                range.add(
                        i,
                        table.pid(i),
                        byTime ? value : -1,
                        table.line(i),
                        table.errnoCode(i) != Interner.NONE,
                        table.duration(i));
                any = true;
            }
        }
        return any ? range : null;
    }

    /** The line above the events: which log, how many events, what was not understood. */
    String headerText() {
        return header.getText();
    }

    StraceAnalysis analysis() {
        return analysis;
    }

    Label header() {
        return header;
    }

    FilterBar filters() {
        return filters;
    }

    TimelineCanvas timeline() {
        return timeline;
    }

    EventsTable events() {
        return events;
    }

    StraceTabs tabs() {
        return tabs;
    }

    private void cancelRunning() {
        if (running != null) {
            running.cancel();
            running = null;
        }
    }

    private void release() {
        cancelRunning();
        closeReader();
        closeAnalysis();
    }

    private void closeAnalysis() {
        if (analysis != null) {
            analysis.close();
            analysis = null;
        }
    }

    private void closeReader() {
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                context.showError("Could not close the strace log", e);
            }
            reader = null;
        }
    }
}
