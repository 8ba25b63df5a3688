package dev.trestle.backup.ui.internal;

import dev.trestle.backup.VerifyReport;
import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.Severity;
import dev.trestle.model.TrestleFactory;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes the files that a verify found damaged in the project's own backups into the shared model as annotations of
 * origin {@value #ORIGIN}, replacing those of the previous verify, so the Annotations window and the editor show
 * them. An archive is the project's when its name is the project directory's name and a time stamp, as backups of a
 * project are named; damage in other projects' archives is left to the Backups view. Must run on the display thread.
 */
final class BackupAnnotations {
    static final String ORIGIN = "backup";

    private BackupAnnotations() {}

    /** Returns how many annotations were written. */
    static int replace(Project project, Collection<List<VerifyReport>> reports) {
        project.getAnnotations().removeIf(a -> ORIGIN.equals(a.getOrigin()));
        if (project.getRoot() == null || Path.of(project.getRoot()).getFileName() == null) {
            return 0;
        }
        Pattern ours = Pattern.compile(
                Pattern.quote(Path.of(project.getRoot()).getFileName().toString()) + "-\\d{8}T.*");
        int written = 0;
        for (List<VerifyReport> destination : reports) {
            for (VerifyReport report : destination) {
                Path name = report.archive().getFileName();
                if (name == null || !ours.matcher(name.toString()).matches()) {
                    continue;
                }
                for (String damaged : report.damaged()) {
                    project.getAnnotations().add(annotation(damaged, report));
                    written++;
                }
            }
        }
        return written;
    }

    private static Annotation annotation(String path, VerifyReport report) {
        Annotation annotation = TrestleFactory.eINSTANCE.createAnnotation();
        annotation.setPath(path);
        annotation.setStartLine(1);
        annotation.setEndLine(1);
        annotation.setSeverity(Severity.ERROR);
        annotation.setMessage(
                "damaged in the backup " + report.archive() + "; keep this copy until a new backup verifies");
        annotation.setOrigin(ORIGIN);
        return annotation;
    }
}
