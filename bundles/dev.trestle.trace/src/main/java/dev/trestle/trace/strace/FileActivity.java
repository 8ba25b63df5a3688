package dev.trestle.trace.strace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The files a run touched: per path the calls naming it, how many failed and with which errno, and the bytes read and
 * written through descriptors opened on it. Descriptors are followed per process (open, dup, close, inherited on
 * fork); with {@code -y} strace names the file itself and that is used first. Aggregated per path, so memory grows
 * with the number of distinct files, not with the log.
 */
public final class FileActivity implements Consumer<StraceEvent> {
    private static final Set<String> PATH_CALLS = Set.of(
            "open",
            "openat",
            "openat2",
            "creat",
            "stat",
            "lstat",
            "newfstatat",
            "statx",
            "access",
            "faccessat",
            "faccessat2",
            "readlink",
            "readlinkat",
            "unlink",
            "unlinkat",
            "mkdir",
            "mkdirat",
            "rmdir",
            "chdir",
            "execve",
            "execveat",
            "truncate",
            "chmod",
            "fchmodat",
            "chown",
            "fchownat",
            "statfs",
            "utimensat");
    private static final Set<String> OPENS = Set.of("open", "openat", "openat2", "creat");
    private static final Set<String> READS = Set.of("read", "pread64", "readv", "preadv", "preadv2");
    private static final Set<String> WRITES = Set.of("write", "pwrite64", "writev", "pwritev", "pwritev2");
    private static final Set<String> DUPS = Set.of("dup", "dup2", "dup3");
    private static final Set<String> FORKS = Set.of("fork", "vfork", "clone", "clone3");

    /** @param errnos the distinct errors, sorted */
    public record FileUsage(
            String path, long calls, long failures, List<String> errnos, long bytesRead, long bytesWritten) {
        public FileUsage {
            errnos = List.copyOf(errnos);
        }
    }

    private static final class Usage {
        long calls;
        long failures;
        final Set<String> errnos = new TreeSet<>();
        long read;
        long written;
    }

    private final Map<String, Usage> byPath = new LinkedHashMap<>();
    private final Map<Integer, Map<Integer, String>> fdsByPid = new HashMap<>();

    @Override
    public void accept(StraceEvent event) {
        if (!(event instanceof SyscallEvent call) || call.result() == null) {
            return;
        }
        String name = call.name();
        Map<Integer, String> fds = fdsByPid.computeIfAbsent(call.pid(), pid -> new HashMap<>());
        if (PATH_CALLS.contains(name)) {
            call.firstString().filter(path -> !path.isEmpty()).ifPresent(path -> named(call, path, fds));
        } else if (READS.contains(name) || WRITES.contains(name)) {
            String path = call.fdPath()
                    .orElseGet(() -> call.fd().isPresent() ? fds.get(call.fd().getAsInt()) : null);
            long bytes = call.failed() ? 0 : call.resultValue().orElse(0);
            if (path != null && bytes > 0) {
                Usage usage = byPath.computeIfAbsent(path, p -> new Usage());
                if (READS.contains(name)) {
                    usage.read += bytes;
                } else {
                    usage.written += bytes;
                }
            }
        } else if (name.equals("close") && call.fd().isPresent()) {
            fds.remove(call.fd().getAsInt());
        } else if (DUPS.contains(name) && !call.failed() && call.fd().isPresent()) {
            String path = fds.get(call.fd().getAsInt());
            call.resultValue().ifPresent(fd -> putOrRemove(fds, (int) fd, path));
        } else if (FORKS.contains(name) && !call.failed()) {
            call.resultValue().ifPresent(child -> fdsByPid.put((int) child, new HashMap<>(fds)));
        }
    }

    private void named(SyscallEvent call, String path, Map<Integer, String> fds) {
        Usage usage = byPath.computeIfAbsent(path, p -> new Usage());
        usage.calls++;
        if (call.failed()) {
            usage.failures++;
            usage.errnos.add(call.errno());
        } else if (OPENS.contains(call.name())) {
            call.resultValue()
                    .ifPresent(fd -> fds.put((int) fd, call.resultPath().orElse(path)));
        }
    }

    private static void putOrRemove(Map<Integer, String> fds, int fd, String path) {
        if (path == null) {
            fds.remove(fd);
        } else {
            fds.put(fd, path);
        }
    }

    /** Paths in order of first use. */
    public List<FileUsage> files() {
        List<FileUsage> files = new ArrayList<>();
        byPath.forEach((path, u) ->
                files.add(new FileUsage(path, u.calls, u.failures, new ArrayList<>(u.errnos), u.read, u.written)));
        return files;
    }
}
