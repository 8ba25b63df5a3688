package dev.trestle.backup.ui.internal;

import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Backup > Verify All: reads back every archive of every destination present, past the page cache. */
@Component(service = ActionContribution.class)
public final class VerifyAllAction implements ActionContribution {
    private final BackupsModel model;

    @Activate
    public VerifyAllAction(@Reference BackupsModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "dev.trestle.backup.verifyAll";
    }

    @Override
    public String menuPath() {
        return "Backup";
    }

    @Override
    public String label() {
        return "Verify All";
    }

    @Override
    public void run(WorkbenchContext context) {
        if (!model.verifyAll(context)) {
            MessageDialog.openInformation(
                    context.shell(), "Verify All", "Wait for \"" + model.runningName() + "\" to finish.");
        }
    }
}
