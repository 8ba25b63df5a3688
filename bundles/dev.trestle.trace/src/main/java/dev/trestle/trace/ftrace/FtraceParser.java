package dev.trestle.trace.ftrace;

import dev.trestle.trace.ParseReport;
import dev.trestle.trace.ProblemLog;
import dev.trestle.trace.TraceLines;
import java.io.IOException;
import java.io.Reader;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Streams ftrace text into {@link FtraceEvent}s: the {@code trace} and {@code trace_pipe} files of every tracer (nop
 * and trace events, function, function_graph, stack traces) and {@code trace-cmd report} output. Lines that are none of
 * these are counted as problems and the parse goes on. Immutable and thread-safe.
 */
public final class FtraceParser {
    private final int keptProblems;

    private FtraceParser(int keptProblems) {
        this.keptProblems = keptProblems;
    }

    public static FtraceParser create() {
        return new FtraceParser(ProblemLog.DEFAULT_KEPT);
    }

    /** How many problems {@link ParseReport#firstProblems()} keeps; all are counted regardless. */
    public FtraceParser keepingProblems(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
        return new FtraceParser(max);
    }

    public ParseReport parse(Reader in, Consumer<? super FtraceEvent> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        ProblemLog problems = new ProblemLog(keptProblems);
        LineHandler handler = new LineHandler(sink, problems);
        long lines = TraceLines.read(in, handler);
        handler.finish();
        return problems.report(lines, handler.events());
    }
}
