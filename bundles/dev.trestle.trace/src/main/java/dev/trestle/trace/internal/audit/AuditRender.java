package dev.trestle.trace.internal.audit;

import dev.trestle.core.command.JsonText;
import dev.trestle.trace.ParseReport;
import dev.trestle.trace.audit.AuditReport;
import dev.trestle.trace.audit.Comparison;
import dev.trestle.trace.audit.UnitAudit;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text and JSON of {@code trace:audit}; paths are shown relative to the project. */
final class AuditRender {
    private AuditRender() {}

    static String table(AuditReport report) {
        StringBuilder out = new StringBuilder();
        if (report.units().isEmpty()) {
            out.append("no compiler run in the log compiled a unit below ")
                    .append(report.root())
                    .append('\n');
        } else {
            out.append(String.format(
                    Locale.ROOT,
                    "%-32s %-28s %6s %8s %7s %5s%n",
                    "UNIT",
                    "DECLARED BY",
                    "OPENED",
                    "DECLARED",
                    "MISSING",
                    "EXTRA"));
        }
        for (UnitAudit unit : report.units()) {
            for (Comparison c : unit.comparisons()) {
                out.append(String.format(
                        Locale.ROOT,
                        "%-32s %-28s %6d %8d %7d %5d%n",
                        rel(report, unit.compiled().unit()),
                        c.source(),
                        unit.compiled().opened().size(),
                        c.declared().size(),
                        c.missing().size(),
                        c.extra().size()));
            }
        }
        for (UnitAudit unit : report.units()) {
            for (Comparison c : unit.comparisons()) {
                for (Path header : c.missing()) {
                    out.append("missing: ")
                            .append(rel(report, unit.compiled().unit()))
                            .append(" opened ")
                            .append(rel(report, header))
                            .append(", not declared by ")
                            .append(c.source())
                            .append('\n');
                }
            }
        }
        if (report.makefiles().isEmpty()) {
            out.append("no build/*/Makefile: compared with the scanner only\n");
        }
        if (!report.descriptionUsed()) {
            out.append("no trestle-build.txt: the scanner ran without include directories or defines\n");
        }
        if (report.unresolvedOpens() > 0) {
            out.append(report.unresolvedOpens()).append(" opens could not be placed (unknown directory descriptor)\n");
        }
        out.append(report.missingCount()).append(" missing dependencies\n");
        return out.append(problems(report.parse())).toString();
    }

    static String json(AuditReport report) {
        String units = report.units().stream()
                .map(u -> "{\"unit\":" + JsonText.quote(rel(report, u.compiled().unit())) + ",\"pids\":"
                        + u.compiled().pids()
                        + ",\"opened\":" + paths(report, u.compiled().opened()) + ",\"comparisons\":["
                        + u.comparisons().stream()
                                .map(c -> "{\"source\":" + JsonText.quote(c.source()) + ",\"declared\":"
                                        + paths(report, c.declared()) + ",\"missing\":"
                                        + paths(report, c.missing()) + ",\"extra\":" + paths(report, c.extra()) + "}")
                                .collect(Collectors.joining(","))
                        + "]}")
                .collect(Collectors.joining(","));
        return "{\"root\":" + JsonText.quote(report.root().toString()) + ",\"units\":[" + units + "],\"missing\":"
                + report.missingCount() + ",\"unresolvedOpens\":" + report.unresolvedOpens() + ",\"problems\":"
                + report.parse().problemCount() + "}\n";
    }

    private static String paths(AuditReport report, Collection<Path> files) {
        return files.stream().map(f -> JsonText.quote(rel(report, f))).collect(Collectors.joining(",", "[", "]"));
    }

    private static String rel(AuditReport report, Path file) {
        return file.startsWith(report.root()) ? report.root().relativize(file).toString() : file.toString();
    }

    private static String problems(ParseReport parse) {
        return parse.problemCount() == 0
                ? ""
                : parse.problemCount() + " log lines not understood, first at lines " + parse.firstProblemLines()
                        + "\n";
    }
}
