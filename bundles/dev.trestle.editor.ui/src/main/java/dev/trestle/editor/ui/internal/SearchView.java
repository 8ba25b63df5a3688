package dev.trestle.editor.ui.internal;

import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The Search view: find and replace, with regular expressions, across every text file of the project. */
@Component(service = ViewContribution.class)
public final class SearchView implements ViewContribution {
    static final String ID = "dev.trestle.editor.search";

    private final SourceEditorContribution editors;

    @Activate
    public SearchView(@Reference SourceEditorContribution editors) {
        this.editors = editors;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Search";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        SearchPanel panel = new SearchPanel(
                parent,
                context,
                file -> editors.editorOf(file).map(editor -> editor.viewer().getDocument()),
                editors::unsavedTexts,
                editors.localHistory(),
                (file, line) -> editors.openAtLine(context, file, line));
        editors.onSearchProject(panel::searchFor);
        editors.searchPanel(panel);
        panel.control().addDisposeListener(event -> {
            editors.onSearchProject(null);
            editors.searchPanel(null);
        });
        return panel.control();
    }
}
