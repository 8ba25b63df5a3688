package dev.trestle.trace.ui.internal;

import dev.trestle.make.deps.DependencyScanner;
import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.model.TrestleFactory;
import dev.trestle.trace.audit.AuditReport;
import dev.trestle.trace.audit.Comparison;
import dev.trestle.trace.audit.IncludeFix;
import dev.trestle.trace.audit.UnitAudit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The dependency audit of the last traced build, as annotations of origin {@value #ORIGIN} on the units that opened
 * undeclared headers, each remembering the fix the audit found for it. Display thread only, like the model.
 */
@Component(service = AuditFindings.class)
public final class AuditFindings {
    static final String ORIGIN = "audit";

    private final DependencyScanner scanner;
    private final Map<Annotation, IncludeFix> fixes = new IdentityHashMap<>();
    private AuditReport last;

    @Activate
    public AuditFindings(@Reference DependencyScanner scanner) {
        this.scanner = scanner;
    }

    DependencyScanner scanner() {
        return scanner;
    }

    public Optional<AuditReport> last() {
        return Optional.ofNullable(last);
    }

    Optional<IncludeFix> fixOf(Annotation annotation) {
        return Optional.ofNullable(fixes.get(annotation));
    }

    /** Replaces the annotations of the previous audit with one per undeclared header of each unit. */
    int replace(Project project, AuditReport report, List<IncludeFix> found) {
        last = report;
        fixes.clear();
        project.getAnnotations().removeIf(a -> ORIGIN.equals(a.getOrigin()));
        Path root = report.root();
        int added = 0;
        for (UnitAudit unit : report.units()) {
            Set<Path> missing = new LinkedHashSet<>();
            List<String> declaredBy = new ArrayList<>();
            for (Comparison comparison : unit.comparisons()) {
                if (!comparison.missing().isEmpty()) {
                    missing.addAll(comparison.missing());
                    declaredBy.add(comparison.source());
                }
            }
            Path source = unit.compiled().unit();
            for (Path header : missing) {
                Optional<IncludeFix> fix = found.stream()
                        .filter(f -> f.unit().equals(source) && f.header().equals(header))
                        .findFirst();
                Annotation annotation = TrestleFactory.eINSTANCE.createAnnotation();
                annotation.setPath(root.relativize(source).toString());
                int line = fix.map(f -> includeLine(source, f.spelling())).orElse(1);
                annotation.setStartLine(line);
                annotation.setEndLine(line);
                annotation.setSeverity(Severity.WARNING);
                annotation.setMessage(
                        "the build read " + display(root, header) + " but " + String.join(" and ", declaredBy)
                                + " does not declare it, so changing it rebuilds nothing"
                                + fix.map(f -> "; quick fix: add '" + f.includeDir() + "' to the include paths of "
                                                + f.target())
                                        .orElse(""));
                annotation.setOrigin(ORIGIN);
                project.getAnnotations().add(annotation);
                fix.ifPresent(f -> fixes.put(annotation, f));
                added++;
            }
        }
        return added;
    }

    /** Drops the annotations a fix dealt with; the next traced build shows whether it worked. */
    void resolved(Project project, IncludeFix fix) {
        List<Annotation> done = fixes.entrySet().stream()
                .filter(e -> e.getValue().target().equals(fix.target())
                        && e.getValue().includeDir().equals(fix.includeDir()))
                .map(Map.Entry::getKey)
                .toList();
        done.forEach(fixes::remove);
        project.getAnnotations().removeAll(done);
    }

    /** The line of the unit's own {@code #include} of {@code spelling}; 1 when it cannot be found. */
    static int includeLine(Path unit, String spelling) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(unit, java.nio.charset.StandardCharsets.ISO_8859_1);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("#")
                        && line.contains("include")
                        && (line.contains("\"" + spelling + "\"") || line.contains("<" + spelling + ">"))) {
                    return i + 1;
                }
            }
        } catch (java.io.IOException e) {
            // the unit went away after the build: the finding still stands, on its first line
        }
        return 1;
    }

    private static String display(Path root, Path file) {
        return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
    }
}
