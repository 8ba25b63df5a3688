package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.HistoryService;
import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.history.Version;
import dev.trestle.workbench.ViewContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Saved Versions: every version the editor kept of a file (also of a deleted one), newest first, the chosen one side
 * by side with the file as it is now, and Restore, which keeps the replaced content as a version too.
 */
@Component(service = {ViewContribution.class, SavedVersionsView.class})
public final class SavedVersionsView implements ViewContribution {
    private final LocalHistory history;
    private SavedVersionsPanel panel;

    @Activate
    public SavedVersionsView(@Reference HistoryService histories, BundleContext bundle) {
        this(histories.localHistory(SourceEditorContribution.stateDirectory(
                bundle.getProperty(SourceEditorContribution.STATE_DIR_PROPERTY))));
    }

    SavedVersionsView(LocalHistory history) {
        this.history = history;
    }

    @Override
    public String id() {
        return "dev.trestle.editor.versions";
    }

    @Override
    public String title() {
        return "Saved Versions";
    }

    @Override
    public Control createControl(Composite parent, WorkbenchContext context) {
        panel = new SavedVersionsPanel(parent, context, history);
        return panel.control();
    }

    /** The open panel, for tests. */
    SavedVersionsPanel panel() {
        return panel;
    }

    static String describe(Version version) {
        return version.time().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "  " + version.size() + " bytes  "
                + version.sha256().substring(0, Math.min(12, version.sha256().length()));
    }

    static Path normal(Path file) {
        return file.toAbsolutePath().normalize();
    }
}
