package dev.trestle.trace.ui.internal;

import dev.trestle.trace.ParseReport;
import dev.trestle.trace.strace.FileActivity;
import dev.trestle.trace.strace.ProcessTree;
import dev.trestle.trace.strace.SlowestCalls;
import dev.trestle.trace.strace.SyscallSummary;
import java.nio.file.Path;

/**
 * What one pass over an strace log produced for the Trace view; the analyses are finished and only read. Its owner
 * closes it, which deletes the events' file.
 */
record StraceAnalysis(
        Path file,
        EventTable events,
        LineIndex lines,
        ParseReport report,
        SyscallSummary summary,
        ProcessTree tree,
        FileActivity files,
        SlowestCalls slowest,
        FailedOpens failedOpens,
        TimelineSummary timeline)
        implements AutoCloseable {
    /** Deletes the events' temporary file. */
    @Override
    public void close() {
        events.close();
    }
}
