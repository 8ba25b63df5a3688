package dev.trestle.trace.ui.internal;

import dev.trestle.core.jobs.Job;
import dev.trestle.core.jobs.Progress;
import dev.trestle.trace.ParseReport;
import dev.trestle.trace.strace.ExitEvent;
import dev.trestle.trace.strace.FileActivity;
import dev.trestle.trace.strace.ProcessTree;
import dev.trestle.trace.strace.SignalEvent;
import dev.trestle.trace.strace.SlowestCalls;
import dev.trestle.trace.strace.StraceEvent;
import dev.trestle.trace.strace.StraceParser;
import dev.trestle.trace.strace.SyscallEvent;
import dev.trestle.trace.strace.SyscallSummary;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an strace log once: indexes its lines, writes each event to the file-backed {@link EventTable} and feeds the
 * analyses and the timeline. Heap grows only by the line index (1/64 of a long a line) and the analyses, which are
 * bounded by processes, distinct files and syscall names; the events themselves live in a temporary file.
 */
final class StraceJob implements Job<StraceAnalysis> {
    static final int SLOWEST = 200;

    private final Path file;

    StraceJob(Path file) {
        this.file = file;
    }

    @Override
    public StraceAnalysis run(Progress progress) throws Exception {
        progress.begin("Reading " + file.getFileName(), Files.size(file));
        EventTable events = new EventTable();
        try {
            return read(events, progress);
        } catch (Exception | Error e) {
            events.close();
            throw e;
        }
    }

    private StraceAnalysis read(EventTable events, Progress progress) throws Exception {
        TimelineSummary timeline = new TimelineSummary();
        LineIndex lines = new LineIndex();
        SyscallSummary summary = new SyscallSummary();
        ProcessTree tree = new ProcessTree();
        FileActivity files = new FileActivity();
        SlowestCalls slowest = new SlowestCalls(SLOWEST);
        FailedOpens failedOpens = new FailedOpens();
        StraceParser parser =
                StraceParser.create().forProcess(StraceParser.pidOfFile(file).orElse(0));
        ParseReport report;
        try (InputStream in =
                new IndexingStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16), lines, progress)) {
            report = parser.parse(in, event -> {
                timeline.add(
                        events.size(),
                        event.pid(),
                        event.timestampMicros(),
                        event.lineNumber(),
                        event instanceof SyscallEvent call && call.failed(),
                        event instanceof SyscallEvent call ? call.durationMicros() : 0);
                store(events, event);
                summary.accept(event);
                tree.accept(event);
                files.accept(event);
                slowest.accept(event);
                failedOpens.accept(event);
            });
        }
        progress.checkCancelled();
        events.finish();
        return new StraceAnalysis(file, events, lines, report, summary, tree, files, slowest, failedOpens, timeline);
    }

    private static void store(EventTable events, StraceEvent event) {
        try {
            add(events, event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void add(EventTable events, StraceEvent event) throws IOException {
        switch (event) {
            case SyscallEvent call ->
                events.add(
                        call.lineNumber(),
                        call.pid(),
                        call.timestampMicros(),
                        call.name(),
                        call.errno(),
                        call.durationMicros(),
                        call.resultValue().orElse(Long.MIN_VALUE));
            case SignalEvent signal ->
                events.add(
                        signal.lineNumber(),
                        signal.pid(),
                        signal.timestampMicros(),
                        "--- " + signal.signal(),
                        null,
                        SyscallEvent.NO_DURATION,
                        Long.MIN_VALUE);
            case ExitEvent exit ->
                events.add(
                        exit.lineNumber(),
                        exit.pid(),
                        exit.timestampMicros(),
                        exit.killed() ? "+++ killed by " + exit.signal() : "+++ exited",
                        null,
                        SyscallEvent.NO_DURATION,
                        exit.killed() ? Long.MIN_VALUE : exit.status());
        }
    }
}
