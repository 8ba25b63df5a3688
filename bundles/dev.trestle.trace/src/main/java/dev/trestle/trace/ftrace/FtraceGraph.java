package dev.trestle.trace.ftrace;

/**
 * A function_graph line: an entry <code>sys_open() &#123;</code>, a leaf <code>1.382 us | kfree();</code> or an exit
 * <code>7.876 us | &#125;</code>.
 *
 * @param task the task running on the CPU, from the funcgraph-proc column or the last context-switch line; empty when
 *     the trace has told neither
 * @param durationNanos -1 for an entry, or when funcgraph-duration is off
 * @param function empty for an exit without the funcgraph-tail comment naming the function
 * @param depth the nesting ftrace printed as indentation, 0 at the outermost call
 */
public record FtraceGraph(
        long lineNumber, int cpu, String task, Kind kind, String function, long durationNanos, int depth)
        implements FtraceEvent {
    public enum Kind {
        /** A call whose callees follow. */
        ENTRY,
        /** A call without traced callees: {@code name();}. */
        LEAF,
        /** The closing brace of an entry. */
        EXIT
    }
}
