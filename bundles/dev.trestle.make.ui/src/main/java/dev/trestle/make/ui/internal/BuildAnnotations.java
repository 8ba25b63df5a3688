package dev.trestle.make.ui.internal;

import dev.trestle.model.Annotation;
import dev.trestle.model.Member;
import dev.trestle.model.Project;
import dev.trestle.model.SourceFile;
import dev.trestle.model.TrestleFactory;
import java.util.List;

/**
 * Writes a build's compiler diagnostics into the project's model as annotations of origin {@value #ORIGIN},
 * replacing those of the previous build. Must run on the display thread, where the model is changed.
 */
final class BuildAnnotations {
    static final String ORIGIN = "make";
    /** A broken header can produce thousands of errors; the first ones are what matters. */
    static final int MAX = 500;

    private BuildAnnotations() {}

    static int replace(Project project, List<Diagnostic> diagnostics) {
        project.getAnnotations().removeIf(a -> ORIGIN.equals(a.getOrigin()));
        List<Diagnostic> kept = diagnostics.subList(0, Math.min(diagnostics.size(), MAX));
        for (Diagnostic diagnostic : kept) {
            Annotation annotation = TrestleFactory.eINSTANCE.createAnnotation();
            annotation.setPath(diagnostic.path());
            annotation.setStartLine(diagnostic.line());
            annotation.setEndLine(diagnostic.line());
            annotation.setSeverity(diagnostic.severity());
            annotation.setMessage(diagnostic.message());
            annotation.setOrigin(ORIGIN);
            SourceFile file = find(project.getMembers(), diagnostic.path());
            if (file != null) {
                annotation.setFile(file);
            }
            project.getAnnotations().add(annotation);
        }
        return kept.size();
    }

    private static SourceFile find(List<Member> members, String path) {
        for (Member member : members) {
            if (member instanceof SourceFile file && path.equals(file.getPath())) {
                return file;
            }
            if (member instanceof dev.trestle.model.Container container && path.startsWith(member.getPath() + "/")) {
                SourceFile found = find(container.getMembers(), path);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
