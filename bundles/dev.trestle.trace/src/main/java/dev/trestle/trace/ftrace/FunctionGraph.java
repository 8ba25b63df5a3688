package dev.trestle.trace.ftrace;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Builds the call tree of a function_graph trace from {@link FtraceGraph} events. Each CPU, and on each CPU each task
 * the trace names, has its own stack, because a context switch interleaves the calls of two tasks on one CPU. An exit
 * whose entry came before the trace started cannot be placed and is counted in {@link #unmatchedExits()}. Not
 * thread-safe.
 */
public final class FunctionGraph implements Consumer<FtraceEvent> {
    /** The cost of one function summed over every path that calls it. */
    public record FunctionCost(String function, long calls, long selfNanos) {}

    private static final class Node {
        final String function;
        final Map<String, Node> children = new LinkedHashMap<>();
        long calls;
        long total;
        long self;

        Node(String function) {
            this.function = function;
        }

        Node child(String name) {
            return children.computeIfAbsent(name, Node::new);
        }

        CallTree snapshot() {
            return new CallTree(
                    function,
                    calls,
                    total,
                    self,
                    children.values().stream().map(Node::snapshot).toList());
        }
    }

    private static final class Frame {
        final Node node;
        long callees;

        Frame(Node node) {
            this.node = node;
        }
    }

    private final Node root = new Node("");
    private final Map<String, Deque<Frame>> stacks = new HashMap<>();
    private long unmatchedExits;

    @Override
    public void accept(FtraceEvent event) {
        if (!(event instanceof FtraceGraph g)) {
            return;
        }
        Deque<Frame> stack = stacks.computeIfAbsent(g.cpu() + "/" + g.task(), k -> new ArrayDeque<>());
        long nanos = Math.max(0, g.durationNanos());
        switch (g.kind()) {
            case ENTRY -> stack.push(new Frame(parent(stack).child(g.function())));
            case LEAF -> record(stack, parent(stack).child(g.function()), nanos, 0);
            case EXIT -> {
                if (stack.isEmpty()) {
                    unmatchedExits++;
                } else {
                    Frame frame = stack.pop();
                    record(stack, frame.node, nanos, frame.callees);
                }
            }
        }
    }

    private Node parent(Deque<Frame> stack) {
        return stack.isEmpty() ? root : stack.peek().node;
    }

    private static void record(Deque<Frame> stack, Node node, long nanos, long callees) {
        node.calls++;
        node.total += nanos;
        node.self += Math.max(0, nanos - callees);
        if (!stack.isEmpty()) {
            stack.peek().callees += nanos;
        }
    }

    /** The tree; its root has an empty name and the outermost calls as children. */
    public CallTree tree() {
        long total = root.children.values().stream().mapToLong(n -> n.total).sum();
        CallTree top = root.snapshot();
        return new CallTree("", 0, total, 0, top.children());
    }

    /** The {@code n} functions with the most self time, most first. */
    public List<FunctionCost> hottest(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0: " + n);
        }
        Map<String, long[]> byFunction = new HashMap<>();
        List<Node> todo = new ArrayList<>(root.children.values());
        while (!todo.isEmpty()) {
            Node node = todo.removeLast();
            long[] cost = byFunction.computeIfAbsent(node.function, f -> new long[2]);
            cost[0] += node.calls;
            cost[1] += node.self;
            todo.addAll(node.children.values());
        }
        return byFunction.entrySet().stream()
                .map(e -> new FunctionCost(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparingLong(FunctionCost::selfNanos)
                        .reversed()
                        .thenComparing(FunctionCost::function))
                .limit(n)
                .toList();
    }

    /** Calls entered but not exited when the trace ended. */
    public long openCalls() {
        return stacks.values().stream().mapToLong(Deque::size).sum();
    }

    public long unmatchedExits() {
        return unmatchedExits;
    }
}
