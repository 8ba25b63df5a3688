package dev.trestle.trace.ltrace;

import dev.trestle.trace.ParseReport;
import dev.trestle.trace.ProblemLog;
import dev.trestle.trace.TraceLines;
import java.io.IOException;
import java.io.Reader;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;

/**
 * Streams ltrace output into {@link LtraceEvent}s: any mix of {@code -f} (both the {@code [pid N]} form on stderr and
 * the bare {@code N} form of {@code -o}), {@code -i}, {@code -S}, {@code -t}/{@code -tt}/{@code -ttt}/{@code -r},
 * {@code -T} and {@code -c} tables. Lines that are not ltrace output are counted as problems and the parse goes on.
 * Immutable and thread-safe.
 */
public final class LtraceParser {
    private final int keptProblems;

    private LtraceParser(int keptProblems) {
        this.keptProblems = keptProblems;
    }

    public static LtraceParser create() {
        return new LtraceParser(ProblemLog.DEFAULT_KEPT);
    }

    /** How many problems {@link ParseReport#firstProblems()} keeps; all are counted regardless. */
    public LtraceParser keepingProblems(int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max < 0: " + max);
        }
        return new LtraceParser(max);
    }

    public ParseReport parse(Reader in, Consumer<? super LtraceEvent> sink) throws IOException {
        Objects.requireNonNull(sink, "sink");
        ProblemLog problems = new ProblemLog(keptProblems);
        CallJoiner joiner = new CallJoiner(sink);
        long lines = TraceLines.read(in, (text, number, terminated) -> {
            // A line without its newline may be cut anywhere, even inside a result ("= 0x55" of "= 0x55ce52"): no
            // guess.
            if (!terminated) {
                problems.add(number, "last line cut short (no newline at the end)", text);
            } else if (!text.isBlank() && !line(text, number, joiner)) {
                problems.add(number, "not ltrace output", text);
            }
        });
        joiner.finish();
        return problems.report(lines, joiner.events());
    }

    private static boolean line(String text, long number, CallJoiner joiner) {
        if (CountTable.isFrame(text)) {
            return true;
        }
        LtraceCount count = CountTable.row(text, number);
        if (count != null) {
            joiner.emit(count);
            return true;
        }
        LineGrammar.Prefix p = LineGrammar.prefix(text);
        String body = p.body();
        Matcher m;
        if (body.equals("--- Called exec() ---")) {
            joiner.processEnded(p.pid());
            joiner.emit(new LtraceExec(number, p.pid(), p.timestamp()));
        } else if ((m = LineGrammar.signal(body)).matches()) {
            joiner.emit(new LtraceSignal(number, p.pid(), p.timestamp(), m.group(1), m.group(2)));
        } else if ((m = LineGrammar.exited(body)).matches()) {
            joiner.processEnded(p.pid());
            joiner.emit(new LtraceExit(number, p.pid(), p.timestamp(), Integer.parseInt(m.group(1)), ""));
        } else if ((m = LineGrammar.killed(body)).matches()) {
            joiner.processEnded(p.pid());
            joiner.emit(new LtraceExit(number, p.pid(), p.timestamp(), -1, m.group(1)));
        } else if ((m = LineGrammar.resumed(body)).matches()) {
            LineGrammar.Tail tail = LineGrammar.tail(m.group(2));
            if (tail == null) {
                return false;
            }
            joiner.resumed(number, p.pid(), m.group(1), tail);
        } else if ((m = LineGrammar.call(body)).matches()) {
            return call(number, p, m.group(1), m.group(2), joiner);
        } else {
            return false;
        }
        return true;
    }

    private static boolean call(long number, LineGrammar.Prefix p, String function, String rest, CallJoiner joiner) {
        String unfinished = LineGrammar.unfinishedArgs(rest);
        if (unfinished != null) {
            joiner.unfinished(new LtraceCall(
                    number, p.pid(), p.timestamp(), p.instructionPointer(), function, unfinished, "", false, -1));
            return true;
        }
        LineGrammar.Tail tail = LineGrammar.tail(rest);
        if (tail == null) {
            return false;
        }
        joiner.emit(new LtraceCall(
                number,
                p.pid(),
                p.timestamp(),
                p.instructionPointer(),
                function,
                tail.args(),
                tail.result(),
                true,
                tail.durationMicros()));
        return true;
    }
}
