package dev.trestle.backup.internal;

import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.VerifyReport;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;

/** The commands' answers: one line per archive, naming every damaged file. */
final class VerifyText {
    private VerifyText() {}

    static String of(List<VerifyReport> reports) {
        return of(reports, Collections.nCopies(reports.size(), null));
    }

    /** Each report, followed by its comparison with the live tree where {@code liveTrees} has one (else null). */
    static String of(List<VerifyReport> reports, List<LiveTree> liveTrees) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < reports.size(); i++) {
            VerifyReport report = reports.get(i);
            if (!text.isEmpty()) {
                text.append('\n');
            }
            if (Files.isDirectory(report.archive())) {
                // the destination's own report: not the archive it holds, but whether it is the one written to
                text.append("WRONG DESTINATION ")
                        .append(report.archive())
                        .append(": ")
                        .append(String.join("; ", report.problems()));
                continue;
            }
            text.append(report.intact() ? "intact " : report.repairable() ? "DAMAGED but repairable " : "DAMAGED ")
                    .append(report.archive())
                    .append(": ");
            text.append(entries(report.restorable().size())).append(" restorable");
            if (!report.damaged().isEmpty()) {
                text.append(", damaged: ").append(String.join(", ", report.damaged()));
            }
            if (!report.problems().isEmpty()) {
                text.append("; ").append(String.join("; ", report.problems()));
            }
            if (report.repairable()) {
                text.append("; its repair data restores every damaged block: backup repair ")
                        .append(report.archive())
                        .append(" (restore uses it by itself)");
            }
            if (!report.readBypassedCache()) {
                text.append(" (read from the page cache: the file system refused O_DIRECT)");
            }
            if (liveTrees.get(i) != null) {
                text.append('\n').append(liveTrees.get(i).text());
            }
        }
        return text.toString();
    }

    static String of(RestoreReport report) {
        StringBuilder text =
                new StringBuilder("restored ").append(entries(report.restored().size()));
        if (!report.damaged().isEmpty()) {
            text.append("; damaged, skipped: ").append(String.join(", ", report.damaged()));
        }
        if (!report.refused().isEmpty()) {
            text.append("; refused: ").append(String.join(", ", report.refused()));
        }
        if (!report.notFound().isEmpty()) {
            text.append("; not in the archive: ").append(String.join(", ", report.notFound()));
        }
        if (!report.failed().isEmpty()) {
            text.append("; the target would not take: ").append(String.join(", ", report.failed()));
        }
        return text.toString();
    }

    private static String entries(int count) {
        return count + (count == 1 ? " entry" : " entries");
    }
}
