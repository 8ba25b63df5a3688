package dev.trestle.trace.dtrace;

import dev.trestle.trace.ParseReport;
import dev.trestle.trace.ProblemLog;
import dev.trestle.trace.TraceLines;
import java.io.IOException;
import java.io.Reader;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams dtrace and bpftrace output into {@link DtraceEvent}s: dtrace probe lines, {@code printa} tables and {@code
 * quantize}/{@code lquantize} histograms; bpftrace map entries and {@code hist}/{@code lhist} histograms. Lines that are
 * none of these, such as a script's own {@code printf} output, are counted as problems. Immutable and thread-safe.
 */
public final class DtraceParser {
    private final int keptProblems;

    private DtraceParser(int keptProblems) {
        this.keptProblems = keptProblems;
    }

    public static DtraceParser create() {
        return new DtraceParser(ProblemLog.DEFAULT_KEPT);
    }

    /** How many problems {@link ParseReport#firstProblems()} keeps; all are counted regardless. */
    public DtraceParser keepingProblems(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
        return new DtraceParser(max);
    }

    public ParseReport parse(Reader in, Consumer<? super DtraceEvent> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        ProblemLog problems = new ProblemLog(keptProblems);
        OutputReader reader = new OutputReader(sink, problems);
        long lines = TraceLines.read(in, reader);
        reader.finish();
        return problems.report(lines, reader.events());
    }
}
