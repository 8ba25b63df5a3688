package dev.trestle.backup.ui.internal;

import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Backup > Repair Archive: restores the damaged blocks of the archive selected in the Backups view from its repair data, as
 * {@code trestle backup repair} does, and verifies it again.
 */
@Component(service = ActionContribution.class)
public final class RepairAction implements ActionContribution {
    private final BackupsModel model;

    @Activate
    public RepairAction(@Reference BackupsModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "dev.trestle.backup.repair";
    }

    @Override
    public String menuPath() {
        return "Backup";
    }

    @Override
    public String label() {
        return "Repair Archive";
    }

    @Override
    public boolean onToolBar() {
        // needed only after a verify found damage, from the menu or the Backups view's Repair button
        return false;
    }

    @Override
    public void run(WorkbenchContext context) {
        Optional<Path> archive = model.selectedArchive();
        if (archive.isEmpty() || !model.repairable(archive.get())) {
            MessageDialog.openInformation(
                    context.shell(),
                    "Repair",
                    "Select a damaged archive in the Backups view whose repair data covers its damage"
                            + " (Verify All finds them, and says \"damaged, repairable\").");
            return;
        }
        if (!model.repair(context, archive.get())) {
            MessageDialog.openInformation(
                    context.shell(), "Repair", "Wait for \"" + model.runningName() + "\" to finish.");
        }
    }
}
