package dev.trestle.editor.ui.internal;

import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Annotations window: every annotation of the project, filterable, each opening its file at its line. */
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
        return new AnnotationsTable(parent, context::project, (file, line) -> open(context, file, line)).control();
    }

    /** The workbench opens the file in whichever editor wins; only the source editor can be told the line. */
    private void open(WorkbenchContext context, Path file, int line) {
        context.openFile(file);
        editors.editorOf(file).ifPresent(editor -> editor.revealLine(line));
    }
}
