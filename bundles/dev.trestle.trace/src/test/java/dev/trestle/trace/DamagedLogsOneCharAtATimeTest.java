package dev.trestle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.trace.dtrace.DtraceParser;
import dev.trestle.trace.ftrace.FtraceParser;
import dev.trestle.trace.kernel.KernelLog;
import dev.trestle.trace.kernel.KernelLogParser;
import dev.trestle.trace.ltrace.LtraceParser;
import dev.trestle.trace.strace.StraceParser;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every parser on its real (strace, ltrace, kernel) or documented (ftrace, dtrace) logs, damaged three ways: cut at
 * points across the log, mid-line included; interleaved with another log of the same format, a few lines at a time;
 * and salted with garbage lines. Each variant is read whole and one character per read: the two must give the same
 * events and report, every line must be counted, nothing may be thrown, and, for the formats whose every line has a
 * syntax, each garbage line must be reported at its own line number.
 */
class DamagedLogsOneCharAtATimeTest {
    private static final int KEEP = 100_000;
    // Not blank lines: ltrace -c tables hold some, and ltrace skips them on purpose.
    private static final String[] GARBAGE = {
        "%%% garbage %%%",
        "\u0001\u0002 binary \u00ff",
        "make[1]: Entering directory '/tmp'",
        "}})]>\"",
        "12:00:00 hello ("
    };

    /** What a parse gave, in a form that compares whole and trickled reads. */
    private record Result(Object events, long lines, List<Long> problemLines, long problems) {}

    private interface Format {
        Result parse(Reader in) throws IOException;
    }

    private static Result withReport(ParseReport report, List<?> events) {
        return new Result(events, report.lines(), report.firstProblemLines(), report.problemCount());
    }

    private static final Format STRACE = in -> {
        List<Object> events = new ArrayList<>();
        return withReport(StraceParser.create().keepingProblems(KEEP).parse(in, events::add), events);
    };
    private static final Format LTRACE = in -> {
        List<Object> events = new ArrayList<>();
        return withReport(LtraceParser.create().keepingProblems(KEEP).parse(in, events::add), events);
    };
    private static final Format FTRACE = in -> {
        List<Object> events = new ArrayList<>();
        return withReport(FtraceParser.create().keepingProblems(KEEP).parse(in, events::add), events);
    };
    private static final Format DTRACE = in -> {
        List<Object> events = new ArrayList<>();
        return withReport(DtraceParser.create().keepingProblems(KEEP).parse(in, events::add), events);
    };
    private static final Format KERNEL = in -> {
        KernelLog log = KernelLogParser.parse(in);
        List<Long> lines = log.problems().stream().map(p -> (long) p.line()).toList();
        return new Result(log, log.lines(), lines, lines.size());
    };

    @Test
    void straceLogs() throws IOException {
        check(STRACE, true, "strace/workload-f-tt-T-stderr.log", "strace/workload-f-yy-T.log", "strace/workload-k.log");
        check(STRACE, true, "strace/restart-f-tt-T.log", "strace/workload-f-C-tt-T.log");
        check(STRACE, true, "strace/workload-xx.log", "strace/workload-f-r.log");
    }

    @Test
    void ltraceLogs() throws IOException {
        check(LTRACE, true, "ltrace/demo-f-S-tt-T.log", "ltrace/execer-f.log", "ltrace/demo-i.log");
        check(LTRACE, true, "ltrace/demo-f-stderr.log", "ltrace/demo-ttt.log");
    }

    @Test
    void ftraceLogs() throws IOException {
        check(FTRACE, true, "ftrace/function_graph.trace", "ftrace/function.trace", "ftrace/stacktrace.trace");
        check(FTRACE, true, "ftrace/trace-cmd-report.txt", "ftrace/nop-sched.trace");
    }

    @Test
    void dtraceOutput() throws IOException {
        check(DTRACE, true, "dtrace/quantize.txt", "dtrace/probes.txt", "dtrace/aggregation.txt");
        check(DTRACE, true, "dtrace/bpftrace.txt", "dtrace/quantize.txt");
    }

    @Test
    void kernelLogs() throws IOException {
        check(KERNEL, false, "kernel/seed-blog-2012-04-11.log", "kernel/oops-null-deref-irq-6.1.log");
        check(KERNEL, false, "kernel/oops-null-deref-irq-6.1.log", "kernel/kernel-bug-old-3.2.log");
    }

    /**
     * Checks the variants of the first resource, interleaving it with the others; {@code garbageIsAProblem} when
     * every line of the format has a syntax that the garbage lines cannot match.
     */
    private static void check(Format format, boolean garbageIsAProblem, String resource, String... others)
            throws IOException {
        String log = Fixtures.text(resource);
        Random random = new Random(resource.hashCode());
        for (int i = 1; i <= 12; i++) {
            String cut = log.substring(0, (int) ((long) log.length() * i / 13) + random.nextInt(7));
            same(format, cut, resource + " cut at " + cut.length());
        }
        for (String other : others) {
            same(format, interleaved(log, Fixtures.text(other), random), resource + " interleaved with " + other);
        }
        List<String> lines = new ArrayList<>(log.lines().toList());
        Set<Long> garbageLines = new TreeSet<>();
        for (int i = 0; i < 8; i++) {
            int at = random.nextInt(lines.size() + 1);
            lines.add(at, GARBAGE[i % GARBAGE.length]);
            // lines after it move down by one
            Set<Long> moved = new TreeSet<>();
            garbageLines.forEach(n -> moved.add(n > at ? n + 1 : n));
            garbageLines = moved;
            garbageLines.add((long) at + 1);
        }
        Result salted = same(format, String.join("\n", lines) + "\n", resource + " with garbage");
        if (garbageIsAProblem) {
            List<String> unreported = garbageLines.stream()
                    .filter(n -> !salted.problemLines().contains(n))
                    .map(n -> n + ": " + lines.get((int) (n - 1)) + " (after " + lines.get((int) (n - 2)) + ")")
                    .toList();
            assertEquals(List.of(), unreported, resource + ": garbage not reported");
        }
    }

    private static Result same(Format format, String text, String what) throws IOException {
        Result whole = format.parse(new StringReader(text));
        Result trickled = format.parse(Fixtures.oneCharAtATime(text));
        assertEquals(whole, trickled, what);
        long lines = text.chars().filter(c -> c == '\n').count() + (text.endsWith("\n") || text.isEmpty() ? 0 : 1);
        assertEquals(lines, whole.lines(), what);
        return whole;
    }

    /** The lines of both logs, taken from each in turn one to three at a time. */
    private static String interleaved(String a, String b, Random random) {
        List<String> left = a.lines().toList();
        List<String> right = b.lines().toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        int j = 0;
        while (i < left.size() || j < right.size()) {
            for (int n = 1 + random.nextInt(3); n > 0 && i < left.size(); n--) {
                out.append(left.get(i++)).append('\n');
            }
            for (int n = 1 + random.nextInt(3); n > 0 && j < right.size(); n--) {
                out.append(right.get(j++)).append('\n');
            }
        }
        return out.toString();
    }
}
