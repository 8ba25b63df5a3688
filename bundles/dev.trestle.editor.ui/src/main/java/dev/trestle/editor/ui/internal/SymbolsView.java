package dev.trestle.editor.ui.internal;

import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The Symbols view: the project's symbols browsed by directory and file, and the definitions and references of a name
 * (typed here, or the identifier at the editor's caret with Find References, Ctrl+Shift+G).
 */
@Component(service = ViewContribution.class)
public final class SymbolsView implements ViewContribution {
    static final String ID = "dev.trestle.editor.symbols";

    private final SourceEditorContribution editors;

    @Activate
    public SymbolsView(@Reference SourceEditorContribution editors) {
        this.editors = editors;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Symbols";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        SymbolsPanel panel = new SymbolsPanel(
                parent, context, editors.indexes(), (file, line) -> editors.openAtLine(context, file, line));
        editors.onFindReferences(panel::find);
        panel.control().addDisposeListener(event -> editors.onFindReferences(null));
        return panel.control();
    }
}
