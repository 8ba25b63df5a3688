package dev.trestle.trace.ui.internal;

import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.TrestleFactory;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes findings into the project's model as annotations of origin {@value #ORIGIN}, replacing those an earlier read
 * of the same log wrote. The model has no field for the log, so its name ends the message, which also tells the user
 * where to look. Must run on the display thread, where the model is changed.
 */
final class TraceAnnotations {
    static final String ORIGIN = "trace";
    /** A log full of failures should not bury the Problems view. */
    static final int MAX = 500;

    private TraceAnnotations() {}

    static int replace(WorkbenchContext context, Path log, List<Finding> findings) {
        return context.project().map(project -> replace(project, log, findings)).orElse(0);
    }

    static int replace(Project project, Path log, List<Finding> findings) {
        String suffix = " [" + log.getFileName() + "]";
        project.getAnnotations()
                .removeIf(a -> ORIGIN.equals(a.getOrigin())
                        && a.getMessage() != null
                        && a.getMessage().endsWith(suffix));
        List<Finding> kept = findings.subList(0, Math.min(findings.size(), MAX));
        for (Finding finding : kept) {
            Annotation annotation = TrestleFactory.eINSTANCE.createAnnotation();
            annotation.setPath(finding.path());
            annotation.setStartLine(finding.line());
            annotation.setEndLine(finding.line());
            annotation.setSeverity(finding.severity());
            annotation.setMessage(finding.message() + suffix);
            annotation.setOrigin(ORIGIN);
            project.getAnnotations().add(annotation);
        }
        return kept.size();
    }
}
