package dev.trestle.trace.strace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Who started whom: fork, vfork, clone and clone3 results, each process's execve calls, exit and times. */
public final class ProcessTree implements Consumer<StraceEvent> {
    private static final Set<String> FORKS = Set.of("fork", "vfork", "clone", "clone3");

    /**
     * @param parentPid 0 for a process whose creation the log does not show
     * @param programs the paths of its successful execve calls, in order
     * @param exitStatus -1 unless it exited; {@code killedBy} names the signal otherwise, or is null if the log ends
     *     before either
     * @param startMicros its first timestamp ({@link StraceEvent#NO_TIME} without timestamps); {@code endMicros} its
     *     last
     */
    public record Process(
            int pid,
            int parentPid,
            boolean thread,
            List<String> programs,
            int exitStatus,
            String killedBy,
            long startMicros,
            long endMicros) {
        public Process {
            programs = List.copyOf(programs);
        }
    }

    private static final class Node {
        int parent;
        boolean thread;
        final List<String> programs = new ArrayList<>();
        int status = -1;
        String killedBy;
        long start = StraceEvent.NO_TIME;
        long end = StraceEvent.NO_TIME;
    }

    private final Map<Integer, Node> nodes = new LinkedHashMap<>();

    @Override
    public void accept(StraceEvent event) {
        Node node = seen(event.pid(), event.timestampMicros());
        switch (event) {
            case SyscallEvent call
            when FORKS.contains(call.name()) && !call.failed() -> {
                long child = call.resultValue().orElse(0);
                if (child > 0 && child <= Integer.MAX_VALUE) {
                    Node created = seen((int) child, call.timestampMicros());
                    created.parent = call.pid();
                    created.thread = call.arguments().contains("CLONE_THREAD");
                }
            }
            case SyscallEvent call
            when call.name().startsWith("execve") && "0".equals(call.result()) ->
                call.firstString().ifPresent(node.programs::add);
            case ExitEvent exit -> {
                node.status = exit.status();
                node.killedBy = exit.signal();
            }
            default -> {}
        }
    }

    private Node seen(int pid, long timestamp) {
        Node node = nodes.computeIfAbsent(pid, p -> new Node());
        if (timestamp != StraceEvent.NO_TIME) {
            if (node.start == StraceEvent.NO_TIME || timestamp < node.start) {
                node.start = timestamp;
            }
            node.end = Math.max(node.end, timestamp);
        }
        return node;
    }

    /** All processes, parents before their children, each level in order of pid. */
    public List<Process> processes() {
        List<Process> ordered = new ArrayList<>();
        nodes.keySet().stream()
                .filter(pid -> !nodes.containsKey(nodes.get(pid).parent))
                .sorted()
                .forEach(root -> addWithChildren(root, ordered));
        return ordered;
    }

    private void addWithChildren(int pid, List<Process> ordered) {
        Node n = nodes.get(pid);
        ordered.add(new Process(pid, n.parent, n.thread, n.programs, n.status, n.killedBy, n.start, n.end));
        nodes.entrySet().stream()
                .filter(e -> e.getValue().parent == pid && e.getKey() != pid)
                .map(Map.Entry::getKey)
                .sorted(Comparator.naturalOrder())
                .forEach(child -> addWithChildren(child, ordered));
    }
}
