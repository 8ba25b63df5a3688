package dev.trestle.backup.ui.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.RestoreReport;
import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.FileDialog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Backup > Restore…: restores the archive selected in the Backups view (or one chosen) into a directory the user
 * chooses; damaged files are skipped and named.
 */
@Component(service = ActionContribution.class)
public final class RestoreAction implements ActionContribution {
    private final BackupsModel model;

    @Activate
    public RestoreAction(@Reference BackupsModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "dev.trestle.backup.restore";
    }

    @Override
    public String menuPath() {
        return "Backup";
    }

    @Override
    public String label() {
        return "Restore…";
    }

    @Override
    public void run(WorkbenchContext context) {
        restore(model, context);
    }

    static void restore(BackupsModel model, WorkbenchContext context) {
        Optional<Path> archive = model.selectedArchive();
        if (archive.isEmpty()) {
            FileDialog dialog = new FileDialog(context.shell(), SWT.OPEN);
            dialog.setText("Restore From");
            String[] patterns = java.util.Arrays.stream(ArchiveFormat.values())
                    .map(f -> "*." + f.suffix())
                    .toArray(String[]::new);
            dialog.setFilterExtensions(new String[] {String.join(";", patterns)});
            archive = Optional.ofNullable(dialog.open()).map(Path::of);
        }
        if (archive.isEmpty()) {
            return;
        }
        DirectoryDialog target = new DirectoryDialog(context.shell());
        target.setText("Restore " + archive.get().getFileName() + " Into");
        String chosen = target.open();
        if (chosen == null) {
            return;
        }
        Optional<String> risk;
        try {
            risk = model.restoreRisk(archive.get(), Path.of(chosen));
        } catch (java.io.IOException e) {
            context.showError("Cannot compare " + archive.get().getFileName() + " with " + chosen, e);
            return;
        }
        if (risk.isPresent()) {
            int answer = new MessageDialog(
                            context.shell(),
                            "Restore",
                            null,
                            risk.get() + "\n\nBack up " + chosen + " first, so that what you have now is kept?",
                            MessageDialog.WARNING,
                            0,
                            "Back Up First",
                            "Restore Anyway",
                            "Cancel")
                    .open();
            if (answer == 0) {
                BackUpAction.backUp(model, context, Path.of(chosen));
                return; // the restore is the user's next step once the backup is verified
            }
            if (answer != 1) {
                return;
            }
        }
        if (!model.restore(context, archive.get(), Path.of(chosen), report -> tell(context, report, chosen))) {
            MessageDialog.openInformation(
                    context.shell(), "Restore", "Wait for \"" + model.runningName() + "\" to finish.");
        }
    }

    private static void tell(WorkbenchContext context, RestoreReport report, String target) {
        StringBuilder text = new StringBuilder(BackupsModel.restored(report, target) + ".");
        if (!report.damaged().isEmpty()) {
            text.append("\n\nDamaged, not restored:\n  ").append(String.join("\n  ", report.damaged()));
        }
        if (!report.refused().isEmpty()) {
            text.append("\n\nRefused:\n  ").append(String.join("\n  ", report.refused()));
        }
        if (!report.failed().isEmpty()) {
            text.append("\n\nThe target would not take:\n  ").append(String.join("\n  ", report.failed()));
        }
        if (report.complete()) {
            MessageDialog.openInformation(context.shell(), "Restore", text.toString());
        } else {
            MessageDialog.openWarning(context.shell(), "Restore", text.toString());
        }
    }
}
