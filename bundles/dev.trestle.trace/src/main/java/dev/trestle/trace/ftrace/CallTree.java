package dev.trestle.trace.ftrace;

import java.util.List;

/**
 * A node of a function_graph call tree, merged by call path: all calls of {@code kfree} from {@code do_exit} from
 * {@code sys_exit} share one node, so the tree grows with the program's call paths, not with the trace.
 *
 * @param calls the completed calls on this path; calls still open when the trace ended are not counted
 * @param totalNanos time in these calls including their callees
 * @param selfNanos time in these calls minus the time of their traced callees
 */
public record CallTree(String function, long calls, long totalNanos, long selfNanos, List<CallTree> children) {
    public CallTree {
        children = List.copyOf(children);
    }

    /** The child for {@code function}, or null. */
    public CallTree child(String function) {
        return children.stream()
                .filter(c -> c.function.equals(function))
                .findFirst()
                .orElse(null);
    }
}
