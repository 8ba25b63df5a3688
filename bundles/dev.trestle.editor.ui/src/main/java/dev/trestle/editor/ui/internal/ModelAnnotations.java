package dev.trestle.editor.ui.internal;

import dev.trestle.model.Annotation;
import dev.trestle.model.Project;
import dev.trestle.model.TrestlePackage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.eclipse.emf.common.notify.Notification;
import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.Position;
import org.eclipse.jface.text.source.AnnotationModel;
import org.eclipse.swt.widgets.Display;

/**
 * Shows the project's annotations of one file in the editor's annotation model. Capabilities add annotations from job
 * threads, so the model is watched and the editor re-synchronised on the display thread.
 */
final class ModelAnnotations {
    private final AnnotationModel model;
    private final IDocument document;
    private final Display display;
    private final AdapterImpl listener = new AdapterImpl() {
        @Override
        public void notifyChanged(Notification notification) {
            if (notification.getFeature() == TrestlePackage.Literals.PROJECT__ANNOTATIONS && !display.isDisposed()) {
                display.asyncExec(ModelAnnotations.this::sync);
            }
        }
    };
    private Project project;
    private String relativePath;

    ModelAnnotations(AnnotationModel model, IDocument document, Display display) {
        this.model = model;
        this.document = document;
        this.display = display;
    }

    /** Follows {@code newProject} (null for none); {@code file} is matched by its path relative to the root. */
    void show(Project newProject, Path file) {
        if (newProject == project) {
            return;
        }
        detach();
        project = newProject;
        relativePath = null;
        if (project != null && project.getRoot() != null) {
            Path root = Path.of(project.getRoot()).toAbsolutePath().normalize();
            Path absolute = file.toAbsolutePath().normalize();
            if (absolute.startsWith(root)) {
                relativePath = root.relativize(absolute).toString().replace('\\', '/');
            }
            project.eAdapters().add(listener);
        }
        sync();
    }

    void detach() {
        if (project != null) {
            project.eAdapters().remove(listener);
        }
    }

    private void sync() {
        Map<org.eclipse.jface.text.source.Annotation, Position> wanted = new HashMap<>();
        if (project != null && relativePath != null) {
            // a copy: job threads may add to the list while it is read here
            for (Annotation a : List.copyOf(project.getAnnotations())) {
                if (Objects.equals(a.getPath(), relativePath) && a.getSeverity() != null) {
                    position(a)
                            .ifPresent(p -> wanted.put(
                                    new org.eclipse.jface.text.source.Annotation(
                                            MarkerTypes.of(a.getSeverity()), false, a.getMessage()),
                                    p));
                }
            }
        }
        model.removeAllAnnotations();
        wanted.forEach(model::addAnnotation);
    }

    private java.util.Optional<Position> position(Annotation a) {
        int lines = document.getNumberOfLines();
        int first = Math.max(0, Math.min(a.getStartLine() - 1, lines - 1));
        int last = Math.max(first, Math.min(Math.max(a.getEndLine(), a.getStartLine()) - 1, lines - 1));
        try {
            IRegion start = document.getLineInformation(first);
            IRegion end = document.getLineInformation(last);
            int length = Math.max(1, end.getOffset() + end.getLength() - start.getOffset());
            return java.util.Optional.of(
                    new Position(start.getOffset(), Math.min(length, document.getLength() - start.getOffset())));
        } catch (BadLocationException e) {
            return java.util.Optional.empty();
        }
    }
}
