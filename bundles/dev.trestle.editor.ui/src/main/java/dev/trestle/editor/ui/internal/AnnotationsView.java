package dev.trestle.editor.ui.internal;

import dev.trestle.model.Project;
import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Annotations window: every annotation of the project (builds' diagnostics, trace findings, damaged files of a
 * backup, the user's bookmarks and notes), filterable, each opening its file at its line.
 */
@Component(service = ViewContribution.class)
public final class AnnotationsView implements ViewContribution {
    private final SourceEditorContribution editors;

    @Activate
    public AnnotationsView(@Reference SourceEditorContribution editors) {
        this.editors = editors;
    }

    @Override
    public String id() {
        return "dev.trestle.editor.annotations";
    }

    @Override
    public String title() {
        return "Annotations";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        Supplier<Optional<Project>> projectWithNotes = () -> {
            Optional<Project> project = context.project();
            try {
                editors.notes().load(project.orElse(null));
            } catch (IOException e) {
                context.showError("Cannot read your notes on this project", e);
            }
            return project;
        };
        return new AnnotationsTable(parent, projectWithNotes, (file, line) -> editors.openAtLine(context, file, line))
                .control();
    }
}
