package dev.trestle.trace.ui.internal;

import dev.trestle.model.Severity;
import dev.trestle.trace.kernel.Incident;
import dev.trestle.trace.kernel.IncidentKind;
import dev.trestle.trace.kernel.KernelLog;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which findings of a trace concern files of the open project. */
final class Findings {
    /** {@code WARNING: at kernel/trace/ftrace.c:1509 ...}, {@code kernel BUG at mm/slub.c:3652!} */
    private static final Pattern SOURCE = Pattern.compile("\\bat ([\\w./+-]+\\.[chS]):(\\d+)");

    private Findings() {}

    /**
     * Failed opens of paths inside {@code root}. A relative path is taken as relative to the project root, because
     * traces of builds and tests are usually recorded from there; strace does not say the working directory.
     */
    static List<Finding> ofStrace(StraceAnalysis analysis, Path root) {
        List<Finding> findings = new ArrayList<>();
        for (FailedOpens.FailedOpen open : analysis.failedOpens().opens()) {
            inProject(root, open.path())
                    .ifPresent(relative -> findings.add(new Finding(
                            relative,
                            1,
                            Severity.WARNING,
                            open.syscall() + " failed with ENOENT"
                                    + (open.count() > 1 ? " " + open.count() + " times" : "") + " (first at line "
                                    + open.line() + ", pid " + open.pid() + ")")));
        }
        return findings;
    }

    /** Incidents whose header names a source line of a file the project has (a kernel or module tree). */
    static List<Finding> ofKernel(KernelLog log, Path root) {
        List<Finding> findings = new ArrayList<>();
        for (Incident incident : log.incidents()) {
            Matcher at = SOURCE.matcher(incident.headline());
            if (at.find() && Files.isRegularFile(root.resolve(at.group(1)))) {
                inProject(root, at.group(1))
                        .ifPresent(relative -> findings.add(new Finding(
                                relative,
                                Integer.parseInt(at.group(2)),
                                incident.kind() == IncidentKind.WARNING ? Severity.WARNING : Severity.ERROR,
                                incident.headline() + " (log line " + incident.firstLine() + ")")));
            }
        }
        return findings;
    }

    private static Optional<String> inProject(Path root, String path) {
        try {
            Path normalRoot = root.toAbsolutePath().normalize();
            Path resolved = normalRoot.resolve(path).normalize();
            if (!resolved.startsWith(normalRoot) || resolved.equals(normalRoot)) {
                return Optional.empty();
            }
            return Optional.of(normalRoot.relativize(resolved).toString().replace('\\', '/'));
        } catch (InvalidPathException e) {
            // a path with bytes the file system cannot name is no project file
            return Optional.empty();
        }
    }
}
