package dev.trestle.trace.ftrace;

import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function_graph format of Documentation/trace/ftrace.rst: optional funcgraph-abstime and funcgraph-proc columns,
 * the CPU, the duration with its overhead mark ({@code +} over 10 us, {@code !} over 100 us, {@code #}, {@code *},
 * {@code @}, {@code $} for longer), then the call indented two spaces per level.
 */
final class GraphLine {
    private static final Pattern LINE = Pattern.compile("\\s*(?:\\d+\\.\\d+ \\|\\s+)?(\\d+)\\)\\s+"
            + "(?:(\\S.*?-\\d+)\\s+\\|\\s+)?(?:[+!#*@$]\\s*)?(?:(\\d+(?:\\.\\d+)?) (ns|us|ms|s)\\s+)?\\|( *)(.*)");
    /** The body of a {@code funcgraph_entry:} or {@code funcgraph_exit:} line of {@code trace-cmd report}. */
    private static final Pattern TRACE_CMD =
            Pattern.compile("\\s*(?:[+!#*@$]\\s*)?(?:(\\d+(?:\\.\\d+)?) (ns|us|ms|s)\\s+)?\\|( *)(.*)");

    private static final Pattern ENTRY = Pattern.compile("([^\\s(]+)\\(\\) \\{");
    private static final Pattern LEAF = Pattern.compile("([^\\s(]+)\\(\\);(?: /\\*.*\\*/)?");
    private static final Pattern EXIT = Pattern.compile("\\}(?: /\\* ([^\\s=*]+)(?: = \\S+)? \\*/)?");
    private static final Pattern SWITCH = Pattern.compile("\\s*(\\d+)\\)\\s+(\\S.*?-\\d+)\\s+=>\\s+(\\S.*?-\\d+)\\s*");

    private GraphLine() {}

    /** A context-switch line, group 1 the CPU and group 3 the task switched to. */
    static Matcher contextSwitch(String line) {
        return SWITCH.matcher(line);
    }

    /** Interrupt entry/exit marks and trace_printk comments: understood, but not calls. */
    private static final Pattern NOISE =
            Pattern.compile("\\s*(?:\\d+\\.\\d+ \\|\\s+)?\\d+\\)\\s+(?:\\S.*?-\\d+\\s+\\|\\s+)?"
                    + "(?:(?:==========>|<==========)\\s*\\|\\s*|.*\\|\\s+/\\*.*\\*/\\s*)");

    static boolean isIrqMarkOrComment(String line) {
        return NOISE.matcher(line).matches();
    }

    /** Null when the line is not a function_graph call line. */
    static FtraceGraph parse(String line, long number, IntFunction<String> taskOfCpu) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        int cpu = Integer.parseInt(m.group(1));
        String task = m.group(2) != null ? m.group(2) : taskOfCpu.apply(cpu);
        return body(number, cpu, task, m.group(3), m.group(4), m.group(5), m.group(6));
    }

    static FtraceGraph parseTraceCmd(String details, long number, int cpu, String task) {
        Matcher m = TRACE_CMD.matcher(details);
        return m.matches() ? body(number, cpu, task, m.group(1), m.group(2), m.group(3), m.group(4)) : null;
    }

    private static FtraceGraph body(
            long number, int cpu, String task, String amount, String unit, String indent, String call) {
        long nanos = amount == null ? -1 : Numbers.nanos(amount, unit);
        int depth = Math.max(0, (indent.length() - 2) / 2);
        String body = call.strip();
        Matcher m;
        if ((m = ENTRY.matcher(body)).matches()) {
            return new FtraceGraph(number, cpu, task, FtraceGraph.Kind.ENTRY, m.group(1), -1, depth);
        } else if ((m = LEAF.matcher(body)).matches()) {
            return new FtraceGraph(number, cpu, task, FtraceGraph.Kind.LEAF, m.group(1), nanos, depth);
        } else if ((m = EXIT.matcher(body)).matches()) {
            String function = m.group(1) == null ? "" : m.group(1);
            return new FtraceGraph(number, cpu, task, FtraceGraph.Kind.EXIT, function, nanos, depth);
        }
        return null;
    }
}
