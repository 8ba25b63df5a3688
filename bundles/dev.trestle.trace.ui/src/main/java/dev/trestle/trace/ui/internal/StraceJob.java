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
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads an strace log once: indexes its lines, stores each event as primitives and feeds the analyses. Heap grows by
 * the {@link EventTable} (36 bytes an event), the line index (1/64 of a long a line) and the analyses, which are
 * bounded by processes, distinct files and syscall names, never by the log's length.
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
                store(events, event);
                summary.accept(event);
                tree.accept(event);
                files.accept(event);
                slowest.accept(event);
                failedOpens.accept(event);
            });
        }
        progress.checkCancelled();
        return new StraceAnalysis(file, events, lines, report, summary, tree, files, slowest, failedOpens);
    }

    private static void store(EventTable events, StraceEvent event) {
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
