package dev.trestle.trace.internal.strace;

import dev.trestle.core.command.JsonText;
import dev.trestle.trace.ParseProblem;
import dev.trestle.trace.ParseReport;
import dev.trestle.trace.strace.FileActivity.FileUsage;
import dev.trestle.trace.strace.ProcessTree;
import dev.trestle.trace.strace.StraceEvent;
import dev.trestle.trace.strace.SyscallSummary;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Text tables and JSON for {@link StraceCommands}; hand-written JSON because the bundle has no JSON library. */
final class Render {
    private Render() {}

    static String summaryTable(SyscallSummary summary) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%6s %11s %11s %9s %9s %s%n",
                "% time",
                "seconds",
                "usecs/call",
                "calls",
                "errors",
                "syscall"));
        for (SyscallSummary.Row row : summary.rows()) {
            out.append(summaryRow(row));
        }
        out.append(summaryRow(summary.total()));
        if (summary.total().calls() > 0 && summary.total().totalMicros() == 0) {
            // strace -c times the calls itself; a log holds their durations only if strace wrote them
            out.append("(no durations in this log, so no times: record it with strace -T; sorted by calls)\n");
        }
        return out.toString();
    }

    private static String summaryRow(SyscallSummary.Row row) {
        return String.format(
                Locale.ROOT,
                "%6.2f %11.6f %11d %9d %9s %s%n",
                row.percentTime(),
                row.totalMicros() / 1e6,
                row.microsPerCall(),
                row.calls(),
                row.errors() == 0 ? "" : Long.toString(row.errors()),
                row.syscall());
    }

    static String summaryJson(SyscallSummary summary) {
        return summary.rows().stream()
                        .map(r -> String.format(
                                Locale.ROOT,
                                "{\"syscall\":%s,\"calls\":%d,\"errors\":%d,\"micros\":%d,\"percent\":%.2f}",
                                JsonText.quote(r.syscall()),
                                r.calls(),
                                r.errors(),
                                r.totalMicros(),
                                r.percentTime()))
                        .collect(Collectors.joining(",", "{\"syscalls\":[", "]"))
                + "}\n";
    }

    static String filesTable(List<FileUsage> files) {
        StringBuilder out = new StringBuilder(String.format(
                Locale.ROOT,
                "%7s %8s %12s %12s  %-20s %s%n",
                "calls",
                "failures",
                "read",
                "written",
                "errors",
                "path"));
        for (FileUsage f : files) {
            out.append(String.format(
                    Locale.ROOT,
                    "%7d %8d %12d %12d  %-20s %s%n",
                    f.calls(),
                    f.failures(),
                    f.bytesRead(),
                    f.bytesWritten(),
                    String.join(",", f.errnos()),
                    f.path()));
        }
        return out.toString();
    }

    static String filesJson(List<FileUsage> files) {
        return files.stream()
                        .map(f -> "{\"path\":" + JsonText.quote(f.path()) + ",\"calls\":" + f.calls() + ",\"failures\":"
                                + f.failures() + ",\"errnos\":"
                                + f.errnos().stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"))
                                + ",\"bytesRead\":" + f.bytesRead() + ",\"bytesWritten\":" + f.bytesWritten() + "}")
                        .collect(Collectors.joining(",", "{\"files\":[", "]"))
                + "}\n";
    }

    static String treeText(List<ProcessTree.Process> processes) {
        Map<Integer, Integer> depth = new HashMap<>();
        StringBuilder out = new StringBuilder();
        for (ProcessTree.Process p : processes) {
            int level = depth.getOrDefault(p.parentPid(), -1) + 1;
            depth.put(p.pid(), level);
            out.append("  ".repeat(level))
                    .append(p.pid())
                    .append(p.thread() ? " (thread)" : "")
                    .append(p.programs().isEmpty() ? "" : " " + String.join(" -> ", p.programs()))
                    .append(' ')
                    .append(ending(p))
                    .append(duration(p))
                    .append('\n');
        }
        return out.toString();
    }

    private static String ending(ProcessTree.Process p) {
        return p.killedBy() != null
                ? "killed by " + p.killedBy()
                : p.exitStatus() >= 0 ? "exited " + p.exitStatus() : "running at end of log";
    }

    private static String duration(ProcessTree.Process p) {
        return p.startMicros() == StraceEvent.NO_TIME
                ? ""
                : String.format(Locale.ROOT, " (%.6f s)", (p.endMicros() - p.startMicros()) / 1e6);
    }

    static String treeJson(List<ProcessTree.Process> processes) {
        return processes.stream()
                        .map(p -> "{\"pid\":" + p.pid() + ",\"parent\":" + p.parentPid() + ",\"thread\":" + p.thread()
                                + ",\"programs\":"
                                + p.programs().stream().map(JsonText::quote).collect(Collectors.joining(",", "[", "]"))
                                + ",\"exitStatus\":" + p.exitStatus() + ",\"killedBy\":"
                                + (p.killedBy() == null ? "null" : JsonText.quote(p.killedBy())) + ",\"startMicros\":"
                                + p.startMicros() + ",\"endMicros\":" + p.endMicros() + "}")
                        .collect(Collectors.joining(",", "{\"processes\":[", "]"))
                + "}\n";
    }

    /** One line naming how many lines were not understood and where, so nothing is dropped silently. */
    static String problems(ParseReport report, boolean json) {
        if (report.problemCount() == 0 || json) {
            return json && report.problemCount() > 0
                    ? "{\"problems\":" + report.problemCount() + ",\"firstProblemLines\":" + report.firstProblemLines()
                            + "}\n"
                    : "";
        }
        ParseProblem first = report.firstProblems().get(0);
        return report.problemCount() + " lines not understood, first at lines " + report.firstProblemLines() + " ("
                + first + ")\n";
    }
}
