package dev.trestle.backup.ui.internal;

import dev.trestle.backup.RestoreReport;
import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jface.dialogs.MessageDialog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Backup &gt; Restore Active File From Backup: puts back the version of the file in front that the archive selected
 * in the Backups view holds (else the project's newest verified backup). When the file's present content is in no
 * verified backup, it asks first, as Restore does.
 */
@Component(service = {ActionContribution.class, RestoreFileAction.class})
public final class RestoreFileAction implements ActionContribution {
    private final BackupsModel model;

    @Activate
    public RestoreFileAction(@Reference BackupsModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "dev.trestle.backup.restoreFile";
    }

    @Override
    public String menuPath() {
        return "Backup";
    }

    @Override
    public String label() {
        return "Restore Active File From Backup";
    }

    @Override
    public boolean onToolBar() {
        // a file at a time, from the menu: the toolbar keeps to the commands used every day
        return false;
    }

    @Override
    public void run(WorkbenchContext context) throws IOException {
        Optional<Path> root =
                context.project().map(p -> p.getRoot()).filter(r -> r != null).map(Path::of);
        Optional<Path> file = context.activeFile();
        if (root.isEmpty() || file.isEmpty() || !file.get().startsWith(root.get())) {
            context.showError("Open a file of the project in the editor to restore it from a backup", null);
            return;
        }
        Optional<Path> archive = model.selectedArchive().or(() -> newest(root.get()));
        if (archive.isEmpty()) {
            context.showError(
                    "No verified backup of " + root.get() + " to restore "
                            + file.get().getFileName() + " from",
                    null);
            return;
        }
        String relative = root.get().relativize(file.get()).toString().replace('\\', '/');
        Optional<String> risk = model.restoreRisk(archive.get(), root.get(), Set.of(relative));
        if (risk.isPresent()
                && !MessageDialog.openQuestion(
                        context.shell(), label(), risk.get() + "\n\nRestore " + relative + " anyway?")) {
            return;
        }
        model.restore(context, archive.get(), root.get(), Set.of(relative), report -> tell(context, report, relative));
    }

    private Optional<Path> newest(Path root) {
        try {
            return model.newestArchiveOf(root);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void tell(WorkbenchContext context, RestoreReport report, String relative) {
        if (!report.complete()) {
            context.showError(
                    "Could not restore " + relative + ": damaged " + report.damaged() + ", refused " + report.refused(),
                    null);
        }
    }
}
