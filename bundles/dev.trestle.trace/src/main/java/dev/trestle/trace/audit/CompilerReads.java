package dev.trestle.trace.audit;

import dev.trestle.trace.strace.StraceEvent;
import dev.trestle.trace.strace.SyscallEvent;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Collects, from an {@code strace -f} log of a build, the files each compiler run opened for reading. A compiler run
 * is a process whose program is a compiler ({@code gcc}, {@code cc1}, {@code clang}, ...); its translation unit is
 * the source argument of its own execve or, when it has none (a driver of several units, or an argument strace cut
 * at {@code -s}), of the nearest compiler ancestor, and failing that the first source file it opened.
 *
 * <p>Where a process's parent, cwd and unit come from is settled only in {@link #units()}: gcc starts cc1 with
 * vfork, so strace prints the child's calls before the parent's {@code vfork} returns and names the child.
 * Relative paths are resolved against the cwd the log shows ({@code chdir}, {@code fchdir}, {@code getcwd},
 * {@code -y} decorations), else against the project root. Not thread-safe.
 */
public final class CompilerReads implements Consumer<StraceEvent> {
    private static final Set<String> FORKS = Set.of("fork", "vfork", "clone", "clone3");

    private record Open(int pid, long line, String path) {}

    private final Path root;
    private final Map<Integer, Proc> procs = new HashMap<>();
    private final List<Open> opens = new ArrayList<>();
    private long unresolved;

    /** @param root the project: only files below it are reported, and it stands in for an unknown cwd */
    public CompilerReads(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void accept(StraceEvent event) {
        if (!(event instanceof SyscallEvent call) || call.failed()) {
            return;
        }
        Proc proc = proc(call.pid());
        long line = call.lineNumber();
        String name = call.name();
        if (FORKS.contains(name)) {
            long child = call.resultValue().orElse(0);
            if (child > 0 && child <= Integer.MAX_VALUE) {
                Proc created = proc((int) child);
                created.parent = call.pid();
                created.forkLine = line;
            }
        } else if (name.startsWith("execve") && "0".equals(call.result())) {
            exec(proc, call, line);
        } else if (name.equals("open") || name.equals("openat") || name.equals("openat2")) {
            open(proc, call, line);
        } else if (name.equals("chdir")) {
            call.firstString().ifPresent(dir -> proc.cwd.set(line, dir));
        } else if (name.equals("fchdir")) {
            String dir = call.fdPath().orElse(proc.fds.get(call.fd().orElse(-1)));
            if (dir != null) {
                proc.cwd.set(line, dir);
            }
        } else if (name.equals("getcwd")) {
            call.firstString().ifPresent(dir -> proc.cwd.observe(line, dir));
        } else if (name.equals("close")) {
            proc.fds.remove(call.fd().orElse(-1));
        }
    }

    private Proc proc(int pid) {
        return procs.computeIfAbsent(pid, p -> new Proc());
    }

    private static void exec(Proc proc, SyscallEvent call, long line) {
        String program = call.firstString().orElse("");
        proc.compiler = Compilers.isCompiler(program);
        if (!proc.compiler) {
            proc.unit.set(line, Proc.NO_UNIT);
            return;
        }
        List<String> argv = Argv.parse(call.arguments());
        List<String> sources = Compilers.sources(argv);
        if (sources.size() == 1) {
            proc.unit.set(line, sources.get(0));
        } else if (sources.isEmpty() && argv.contains(null)) {
            proc.unit.set(line, Proc.FIRST_OPENED); // strace cut the argument that names it
        } // otherwise a driver of several units, or of none (a link): its children name their own
    }

    private void open(Proc proc, SyscallEvent call, long line) {
        List<String> args = call.argumentList();
        int pathIndex = call.name().equals("open") ? 0 : 1;
        if (args.size() <= pathIndex || call.resultValue().orElse(-1) < 0) {
            return;
        }
        String flags = String.join(",", args.subList(pathIndex + 1, args.size()));
        String path = call.resultPath().orElse(null);
        if (path == null) {
            path = Argv.parse("[" + args.get(pathIndex) + "]").stream()
                    .findFirst()
                    .orElse(null);
            if (path != null && !path.startsWith("/") && pathIndex == 1) {
                String base = base(proc, args.get(0), line);
                path = base == null ? null : base + "/" + path;
            }
        }
        if (path == null) {
            unresolved++;
            return;
        }
        if (flags.contains("O_DIRECTORY")) {
            proc.fds.put((int) call.resultValue().getAsLong(), path);
        } else if (proc.compiler
                && !flags.contains("O_WRONLY")
                && !flags.contains("O_RDWR")
                && !flags.contains("O_CREAT")) {
            opens.add(new Open(call.pid(), line, path));
            if (proc.firstSource == null && Compilers.isSource(path)) {
                proc.firstSource = path;
            }
        }
    }

    /** The directory an openat's dirfd names; {@code "."} for the cwd, to be resolved later; null if unknown. */
    private static String base(Proc proc, String dirfd, long line) {
        int lt = dirfd.indexOf('<');
        if (lt >= 0 && dirfd.endsWith(">")) {
            String dir = dirfd.substring(lt + 1, dirfd.length() - 1);
            if (dirfd.startsWith("AT_FDCWD")) {
                proc.cwd.observe(line, dir);
            }
            return dir;
        }
        if (dirfd.startsWith("AT_FDCWD")) {
            return ".";
        }
        try {
            return proc.fds.get(Integer.parseInt(dirfd.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Opens the log could not place: a relative openat against a descriptor it never showed opened. */
    public long unresolvedOpens() {
        return unresolved;
    }

    /** The units compiled below the project root, each with what its compiler runs opened there. */
    public List<CompiledUnit> units() {
        Map<Path, List<Integer>> pids = new LinkedHashMap<>();
        Map<Path, Set<Path>> opened = new LinkedHashMap<>();
        for (Open open : opens) {
            Path unit = unitOf(open.pid(), open.line());
            Path file = absolute(open.path(), open.pid(), open.line());
            if (unit == null || file == null || !unit.startsWith(root)) {
                continue;
            }
            List<Integer> unitPids = pids.computeIfAbsent(unit, u -> new ArrayList<>());
            if (!unitPids.contains(open.pid())) {
                unitPids.add(open.pid());
            }
            Set<Path> files = opened.computeIfAbsent(unit, u -> new LinkedHashSet<>());
            if (file.startsWith(root) && !file.equals(unit)) {
                files.add(file);
            }
        }
        return pids.keySet().stream()
                .map(unit -> new CompiledUnit(unit, pids.get(unit), opened.get(unit)))
                .toList();
    }

    private Path unitOf(int pid, long line) {
        Proc proc = procs.get(pid);
        for (int depth = 0; proc != null && depth < 64; depth++) {
            History.Entry<String> entry = proc.unit.before(line);
            if (entry != null) {
                String unit = entry.value();
                if (unit.equals(Proc.NO_UNIT)) {
                    return null;
                }
                return unit.equals(Proc.FIRST_OPENED)
                        ? (proc.firstSource == null ? null : absolute(proc.firstSource, pid, line))
                        : absolute(unit, pid, line);
            }
            line = proc.forkLine;
            pid = proc.parent;
            proc = procs.get(pid);
        }
        return null;
    }

    private Path absolute(String path, int pid, long line) {
        try {
            if (path.startsWith("/")) {
                return Path.of(path).normalize();
            }
            return cwdAt(pid, line).resolve(path).normalize();
        } catch (InvalidPathException e) {
            return null;
        }
    }

    /** A chdir to a relative directory is resolved against the cwd before it, recursively. */
    private Path cwdAt(int pid, long line) {
        Proc proc = procs.get(pid);
        for (int depth = 0; proc != null && depth < 64; depth++) {
            History.Entry<String> entry = proc.cwd.before(line);
            if (entry != null) {
                String dir = entry.value();
                return dir.startsWith("/")
                        ? Path.of(dir)
                        : cwdAt(pid, entry.line()).resolve(dir);
            }
            line = proc.forkLine;
            pid = proc.parent;
            proc = procs.get(pid);
        }
        return root;
    }
}
