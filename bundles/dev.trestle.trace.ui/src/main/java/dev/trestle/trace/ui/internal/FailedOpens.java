package dev.trestle.trace.ui.internal;

import dev.trestle.trace.strace.StraceEvent;
import dev.trestle.trace.strace.SyscallEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Opens that failed with ENOENT, per path with the first line that shows it: a missing header or data file is the
 * usual reason a build or a test behaves differently under strace. A search is not a failure: when the same process
 * opened a file of the same name elsewhere (a compiler walking its include path, a loader its library path), its
 * misses along the way are left out. Bounded by {@link #MAX_PATHS} distinct paths.
 */
final class FailedOpens implements Consumer<StraceEvent> {
    static final int MAX_PATHS = 10_000;
    private static final Set<String> OPENS = Set.of("open", "openat", "openat2", "creat");

    /** @param line the first line of the log showing it */
    record FailedOpen(String path, String syscall, long line, int pid, int count) {}

    private static final class Seen {
        final String syscall;
        final long line;
        final int pid;
        int count;

        Seen(String syscall, long line, int pid) {
            this.syscall = syscall;
            this.line = line;
            this.pid = pid;
        }
    }

    private final Map<String, Seen> byPath = new LinkedHashMap<>();
    /** File name to the processes that opened a file of that name successfully. */
    private final Map<String, java.util.Set<Integer>> found = new java.util.HashMap<>();

    @Override
    public void accept(StraceEvent event) {
        if (event instanceof SyscallEvent call
                && call.errno() == null
                && OPENS.contains(call.name())
                && found.size() < MAX_PATHS * 10) {
            call.firstString()
                    .ifPresent(path -> found.computeIfAbsent(fileName(path), n -> new java.util.HashSet<>())
                            .add(call.pid()));
        }
        if (event instanceof SyscallEvent call && "ENOENT".equals(call.errno()) && OPENS.contains(call.name())) {
            call.firstString().ifPresent(path -> {
                Seen seen = byPath.get(path);
                if (seen == null && byPath.size() < MAX_PATHS) {
                    seen = new Seen(call.name(), call.lineNumber(), call.pid());
                    byPath.put(path, seen);
                }
                if (seen != null) {
                    seen.count++;
                }
            });
        }
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    List<FailedOpen> opens() {
        return byPath.entrySet().stream()
                .filter(e -> !found.getOrDefault(fileName(e.getKey()), java.util.Set.of())
                        .contains(e.getValue().pid))
                .map(e -> new FailedOpen(
                        e.getKey(), e.getValue().syscall, e.getValue().line, e.getValue().pid, e.getValue().count))
                .toList();
    }
}
