package dev.trestle.trace.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.trace.strace.StraceParser;
import dev.trestle.trace.strace.SyscallEvent;
import dev.trestle.trace.strace.SyscallSummary;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real views in a real workbench window under an X display (CI runs it with xvfb-run). */
@EnabledIfEnvironmentVariable(
        named = "DISPLAY",
        matches = ".+",
        disabledReason = "needs an X display: run under xvfb-run")
class TraceViewsSwtTest {
    static final Path SEED_KERNEL_LOG =
            Path.of("../dev.trestle.trace/src/test/resources/kernel/seed-blog-2012-04-11.log");
    static final Path LTRACE_LOG = Path.of("../dev.trestle.trace/src/test/resources/ltrace/demo-S.log");
    private static final Duration LOADING = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private Path projectDirectory;
    private TraceLogs logs;
    private TraceView traceView;
    private IncidentsView incidentsView;
    private WorkbenchFixture window;
    private Project project;

    @BeforeEach
    void openWindow() throws Exception {
        projectDirectory = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("wordfreq")));
        logs = new TraceLogs();
        traceView = new TraceView(logs);
        incidentsView = new IncidentsView(logs);
        window = WorkbenchFixture.open(temp.resolve("state"), new OpenTraceAction(logs), traceView, incidentsView);
        window.shell().setBounds(0, 0, 1270, 1000);
        window.enlargeViews();
        project = window.openProject(projectDirectory);
        // the views' widgets are made when a log is opened into them (TraceLogs.open shows its view) or they show
        window.pumpUntil(
                () -> window.viewTab("Trace").isPresent()
                        && window.viewTab("Kernel Incidents").isPresent(),
                "the views' tabs",
                LOADING);
    }

    @AfterEach
    void closeWindow() {
        window.close();
    }

    @Test
    void straceLogShowsEventsSummaryErrorsAndAFailedOpenAsAnnotation() throws Exception {
        Path log = temp.resolve("sh.log");
        Process strace = new ProcessBuilder(
                        "/usr/bin/strace",
                        "-f",
                        "-tt",
                        "-T",
                        "-o",
                        log.toString(),
                        "/bin/sh",
                        "-c",
                        "cat " + projectDirectory.resolve("src/missing.h") + "; ls /nonexistent; true")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        assertTrue(strace.waitFor(30, TimeUnit.SECONDS) && strace.exitValue() == 0, "strace ran");

        assertNull(traceView.panel(), "the view is not made before it shows");
        assertEquals(Optional.empty(), logs.open(log, window.context()));
        TracePanel panel = traceView.panel();
        assertTrue(panel.control().isVisible(), "opening the log brought its view to the front");
        window.pumpUntil(() -> panel.analysis() != null, "the strace log to be read", LOADING);

        SyscallSummary expected = new SyscallSummary();
        StraceParser.create().parse(log, expected);
        List<SyscallEvent> calls = new ArrayList<>();
        StraceParser.create().parse(log, e -> {
            if (e instanceof SyscallEvent call) {
                calls.add(call);
            }
        });
        Table events = panel.events().table();
        assertEquals(panel.analysis().events().size(), events.getItemCount());
        assertTrue(events.getItemCount() > 100, "a shell and two programs make hundreds of calls");
        TableItem first = events.getItem(0);
        assertEquals("execve", first.getText(3));
        assertTrue(first.getText(4).startsWith("\"/bin/sh\""), first.getText(4));
        assertEquals("0", first.getText(5));

        for (String name : List.of("execve", "openat")) {
            SyscallSummary.Row row = expected.rows().stream()
                    .filter(r -> r.syscall().equals(name))
                    .findFirst()
                    .orElseThrow();
            TableItem shown = Arrays.stream(panel.tabs().summary().getTable().getItems())
                    .filter(item -> item.getText(0).equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + name + " in the summary table"));
            assertEquals(Long.toString(row.calls()), shown.getText(1), name + " calls");
            assertEquals(row.errors() == 0 ? "" : Long.toString(row.errors()), shown.getText(2), name + " errors");
        }

        long failed = calls.stream().filter(SyscallEvent::failed).count();
        panel.filters().errorsOnly().setSelection(true);
        panel.filters().errorsOnly().notifyListeners(SWT.Selection, new Event());
        window.pumpUntil(() -> events.getItemCount() == failed, failed + " failed calls shown", LOADING);
        assertTrue(
                events.getItem(0).getText(5).contains("ENOENT"),
                events.getItem(0).getText(5));

        panel.filters().text().setText("missing.h");
        panel.filters().text().notifyListeners(SWT.DefaultSelection, new Event());
        window.pumpUntil(() -> events.getItemCount() == 1, "only the failed open of missing.h", LOADING);
        assertEquals("openat", events.getItem(0).getText(3));

        Annotation annotation = project.getAnnotations().stream()
                .filter(a -> "trace".equals(a.getOrigin()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no trace annotation in " + project.getAnnotations()));
        assertEquals("src/missing.h", annotation.getPath());
        assertTrue(annotation.getMessage().contains("ENOENT")
                && annotation.getMessage().endsWith("[sh.log]"));
        window.pumpUntil(() -> window.problems().getItemCount() == 1, "the annotation in Problems", LOADING);

        panel.filters().text().setText("");
        panel.filters().text().notifyListeners(SWT.DefaultSelection, new Event());
        window.pumpUntil(() -> events.getItemCount() == failed, "the errors again", LOADING);
        window.showView(traceView);
        window.settle(400);
        Path png = Path.of("target/screenshots/trace.png");
        Files.createDirectories(png.getParent());
        window.screenshot(png);
        assertTrue(Files.size(png) > 10_000, "a real picture");
    }

    @Test
    void seedKernelLogShowsOneIncidentWithItsGuessedFramesMarkedAndTheBytesDecoded() throws Exception {
        Path log = Files.copy(SEED_KERNEL_LOG, temp.resolve("dmesg.txt"));
        assertEquals(Optional.empty(), logs.open(log, window.context()));
        IncidentsPanel panel = incidentsView.panel();
        Table incidents = panel.incidents().getTable();
        window.pumpUntil(() -> incidents.getItemCount() > 0, "the incidents", LOADING);

        assertEquals(1, incidents.getItemCount());
        assertEquals("WARNING", incidents.getItem(0).getText(0));
        assertTrue(
                incidents.getItem(0).getText(2).contains("insmod"),
                incidents.getItem(0).getText(2));
        assertTrue(
                panel.details().getText().contains("P: proprietary module was loaded"),
                panel.details().getText());

        Table frames = panel.frames().viewer().getTable();
        List<TableItem> guessed = Arrays.stream(frames.getItems())
                .filter(item -> item.getText(0).equals("?"))
                .toList();
        assertEquals(3, guessed.size());
        TableItem reliable = Arrays.stream(frames.getItems())
                .filter(item -> item.getText(0).isEmpty())
                .findFirst()
                .orElseThrow();
        for (TableItem item : guessed) {
            assertTrue(
                    !item.getForeground(1).equals(reliable.getForeground(1)),
                    "a guessed frame is greyed: " + item.getForeground(1) + " vs " + reliable.getForeground(1));
        }

        Table bytes = panel.instructions().viewer().getTable();
        assertTrue(
                Arrays.stream(bytes.getItems()).anyMatch(item -> item.getText(1).startsWith("call ")),
                "the ftrace bug's actual bytes decode to a call");

        window.showView(incidentsView);
        window.settle(400);
        Path png = Path.of("target/screenshots/incidents.png");
        Files.createDirectories(png.getParent());
        window.screenshot(png);
        assertTrue(Files.size(png) > 10_000, "a real picture");
    }

    @Test
    void millionLineLogScrollsWithOnlyTheVisibleRowsMaterialised() throws Exception {
        Path log = temp.resolve("million.log");
        int lines = 1_000_000;
        long base = 10L * 3600 * 1_000_000;
        try (var out = Files.newBufferedWriter(log)) {
            for (int i = 0; i < lines; i++) {
                long t = base + i * 2L;
                out.write(String.format("%d %s read(3, \"abc\", 3) = 3 <0.000001>%n", 100 + i % 4, Formats.time(t)));
            }
        }
        assertEquals(Optional.empty(), logs.open(log, window.context()));
        TracePanel panel = traceView.panel();
        window.pumpUntil(() -> panel.analysis() != null, "the million-line log", Duration.ofSeconds(120));
        Table events = panel.events().table();
        assertEquals(lines, events.getItemCount());
        assertEquals(lines, panel.analysis().lines().completeLines());

        AtomicLong before = new AtomicLong(panel.events().materialised());
        window.showView(traceView);
        window.settle(300);
        panel.filters().time().setText("10:00:01.000000");
        panel.filters().time().notifyListeners(SWT.DefaultSelection, new Event());
        window.settle(300);
        assertEquals(500_000, events.getSelectionIndex(), "the first event at 10:00:01");
        assertEquals("500001", events.getItem(500_000).getText(0));
        long materialised = panel.events().materialised() - before.get();
        assertTrue(materialised < 500, "only rows on screen got text: " + materialised);

        // the events live in a temporary file, not on the heap: a million of them cost what ten do
        EventTable stored = panel.analysis().events();
        assertTrue(stored.heapBytes() <= 1024, "heap bytes of a million events: " + stored.heapBytes());
        assertEquals((long) lines * EventTable.RECORD, Files.size(stored.file()));
        try (EventTable small = new EventTable()) {
            for (int i = 0; i < 10; i++) {
                small.add(i + 1, 1, i, "read", null, 1, 3);
            }
            small.finish();
            assertEquals(small.heapBytes(), stored.heapBytes(), "the same heap for ten events as for a million");
        }

        // a filter keeping a quarter of a million events keeps them off the heap too, in a file that goes with it
        panel.filters().pid().setText("101");
        panel.filters().pid().notifyListeners(SWT.DefaultSelection, new Event());
        window.pumpUntil(() -> events.getItemCount() == lines / 4, "the pid filter", LOADING);
        FilteredRows kept = panel.events().rows();
        assertEquals(4L * lines / 4, Files.size(kept.file()));
        assertEquals("2", events.getItem(0).getText(0));
        assertEquals("101", events.getItem(lines / 4 - 1).getText(2));
        panel.filters().pid().setText("");
        panel.filters().pid().notifyListeners(SWT.DefaultSelection, new Event());
        window.pumpUntil(() -> events.getItemCount() == lines, "the filter cleared", LOADING);
        assertTrue(!Files.exists(kept.file()), "clearing the filter deletes its rows: " + kept.file());

        // opening another log deletes the file of the first; closing the view deletes the second
        Path second = Files.writeString(temp.resolve("second.log"), "100 10:00:00.000001 getpid() = 100 <0.000001>\n");
        assertEquals(Optional.empty(), logs.open(second, window.context()));
        window.pumpUntil(
                () -> panel.analysis() != null && panel.analysis().events() != stored, "the second log", LOADING);
        assertTrue(!Files.exists(stored.file()), "the first log's events were deleted: " + stored.file());
        assertTrue(stored.isClosed());
        EventTable secondStore = panel.analysis().events();
        assertTrue(Files.exists(secondStore.file()));
        panel.control().dispose();
        assertTrue(!Files.exists(secondStore.file()), "closing the view deletes the events: " + secondStore.file());
    }

    @Test
    void timelineHasALaneAPidAndAClickSelectsTheNearestEvent() throws Exception {
        Path log = temp.resolve("three.log");
        long base = 9L * 3600 * 1_000_000;
        try (var out = Files.newBufferedWriter(log)) {
            for (int i = 0; i < 300; i++) {
                int pid = 200 + i % 3;
                String time = Formats.time(base + i * 1_000L);
                if (i % 17 == 0) {
                    out.write(String.format(
                            "%d %s openat(AT_FDCWD, \"/missing\", O_RDONLY) = -1 ENOENT (No such file or directory)"
                                    + " <0.000010>%n",
                            pid, time));
                } else {
                    out.write(String.format(
                            "%d %s read(3, \"abc\", 3) = 3 <0.%06d>%n", pid, time, i % 50 == 0 ? 5000 : 2));
                }
            }
        }
        assertEquals(Optional.empty(), logs.open(log, window.context()));
        TracePanel panel = traceView.panel();
        window.pumpUntil(() -> panel.analysis() != null, "the three-process log", LOADING);
        window.showView(traceView);
        window.settle(300);

        TimelineCanvas timeline = panel.timeline();
        assertTrue(timeline.control().isVisible(), "the timeline is shown");
        assertEquals(3, timeline.laneCount(), "a lane a pid");
        assertEquals(
                List.of(200, 201, 202),
                panel.analysis().timeline().lanes().stream().map(l -> l.pid).toList());

        Table events = panel.events().table();
        TimelineSummary summary = panel.analysis().timeline();
        int bucket = summary.usedBuckets() / 2;
        int expected = summary.nearestEvent(1, bucket);
        assertTrue(expected > 0);
        org.eclipse.swt.graphics.Point point = timeline.pointOf(1, bucket);
        Event click = new Event();
        click.button = 1;
        click.x = point.x;
        click.y = point.y;
        timeline.control().notifyListeners(SWT.MouseDown, click);
        assertEquals(expected, events.getSelectionIndex(), "the clicked event is selected");
        assertEquals("201", events.getItem(expected).getText(2));
        long middle = base + 150 * 1_000L;
        long selected = Formats.parseTime(events.getItem(expected).getText(1)).orElseThrow();
        assertTrue(Math.abs(selected - middle) < 10_000, "near the middle of the log: " + Formats.time(selected));

        // the wheel zooms around the pointer: the range is summarised again, with finer buckets
        Event wheel = new Event();
        wheel.x = timeline.pointOf(0, summary.usedBuckets() / 2).x;
        wheel.count = 3;
        timeline.control().notifyListeners(SWT.MouseVerticalWheel, wheel);
        timeline.control().notifyListeners(SWT.MouseVerticalWheel, wheel);
        long[] range = timeline.zoomRange().orElseThrow(() -> new AssertionError("zoomed in"));
        long whole = summary.usedBuckets() * summary.width();
        assertTrue(range[1] - range[0] <= whole / 4 + 2, "two steps of two: " + (range[1] - range[0]) + " of " + whole);
        assertTrue(range[0] <= middle && middle <= range[1], "around the pointer");
        TimelineSummary zoomed = timeline.shown();
        assertTrue(zoomed.width() < summary.width(), "finer buckets: " + zoomed.width() + " < " + summary.width());
        assertEquals(3, zoomed.lanes().size(), "every process is in the middle of the log");
        int zoomedEvent = zoomed.nearestEvent(0, zoomed.usedBuckets() / 2);
        assertTrue(zoomedEvent > 0, "clicks in the zoomed range still select events");

        wheel.count = -3;
        for (int i = 0; i < 3; i++) {
            timeline.control().notifyListeners(SWT.MouseVerticalWheel, wheel);
        }
        assertTrue(timeline.zoomRange().isEmpty(), "zoomed out to the whole log");
        timeline.control().notifyListeners(SWT.MouseVerticalWheel, wheel);
        wheel.count = 3;
        timeline.control().notifyListeners(SWT.MouseVerticalWheel, wheel);
        timeline.control().notifyListeners(SWT.MouseDoubleClick, new Event());
        assertTrue(timeline.zoomRange().isEmpty(), "a double-click shows the whole log");
        assertEquals(summary, timeline.shown());

        window.settle(400);
        Path png = Path.of("target/screenshots/trace-timeline.png");
        Files.createDirectories(png.getParent());
        window.screenshot(png);
        assertTrue(Files.size(png) > 10_000, "a real picture");
    }

    @Test
    void formatsWithoutAViewAreNamedAndTextIsRefused() throws Exception {
        String ltrace = logs.open(LTRACE_LOG, window.context()).orElseThrow();
        assertTrue(ltrace.contains("an ltrace log") && ltrace.contains("not there yet"), ltrace);
        Path prose = Files.writeString(temp.resolve("notes.txt"), "Dear diary,\ntoday I read a trace.\n");
        String refused = logs.open(prose, window.context()).orElseThrow();
        assertTrue(refused.contains("not a trace log"), refused);
        assertTrue(window.hasMenuItem("Trace", "Open Trace Log…"));
    }
}
