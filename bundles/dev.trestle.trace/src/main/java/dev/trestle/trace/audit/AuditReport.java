package dev.trestle.trace.audit;

import dev.trestle.trace.ParseReport;
import java.nio.file.Path;
import java.util.List;

/**
 * The result of {@link BuildAudit#run}.
 *
 * @param makefiles the makefiles whose rules were compared
 * @param descriptionUsed whether the scanner ran with the include directories and defines of the project's build
 *     description, rather than with none
 * @param unresolvedOpens opens the log could not place (relative to a directory descriptor never shown opened)
 */
public record AuditReport(
        Path root,
        List<UnitAudit> units,
        List<Path> makefiles,
        boolean descriptionUsed,
        long unresolvedOpens,
        ParseReport parse) {
    public AuditReport {
        units = List.copyOf(units);
        makefiles = List.copyOf(makefiles);
    }

    public long missingCount() {
        return units.stream()
                .flatMap(u -> u.comparisons().stream())
                .mapToLong(c -> c.missing().size())
                .sum();
    }
}
