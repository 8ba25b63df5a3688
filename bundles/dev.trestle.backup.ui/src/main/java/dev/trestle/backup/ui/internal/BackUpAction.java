package dev.trestle.backup.ui.internal;

import dev.trestle.backup.BackupSetPlan;
import dev.trestle.workbench.ActionContribution;
import dev.trestle.workbench.WorkbenchContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Backup > Back Up Project…: runs the open project's backup set (chosen, if it has several) to each of its
 * destinations, as {@code backup create --project} does; a project without one is archived, without its build
 * outputs, into the destination selected in the Backups view, the only one known, or one the user chooses.
 */
@Component(service = ActionContribution.class)
public final class BackUpAction implements ActionContribution {
    private final BackupsModel model;

    @Activate
    public BackUpAction(@Reference BackupsModel model) {
        this.model = model;
    }

    @Override
    public String id() {
        return "dev.trestle.backup.create";
    }

    @Override
    public String menuPath() {
        return "Backup";
    }

    @Override
    public String label() {
        return "Back Up Project…";
    }

    @Override
    public void run(WorkbenchContext context) {
        backUp(model, context);
    }

    static void backUp(BackupsModel model, WorkbenchContext context) {
        Optional<Path> project = context.project().map(p -> Path.of(p.getRoot()));
        if (project.isEmpty()) {
            MessageDialog.openInformation(context.shell(), "Back Up Project", "Open a project to back it up.");
            return;
        }
        List<BackupSetPlan> sets;
        try {
            sets = model.backupSets(project.get());
        } catch (IOException e) {
            context.showError("Cannot read the backup sets of " + project.get(), e);
            return;
        }
        if (sets.isEmpty()) {
            backUp(model, context, project.get());
            return;
        }
        Optional<BackupSetPlan> chosen = sets.size() == 1 ? Optional.of(sets.get(0)) : choose(context, sets);
        if (chosen.isPresent() && !model.backUpSet(context, chosen.get())) {
            MessageDialog.openInformation(
                    context.shell(), "Back Up Project", "Wait for \"" + model.runningName() + "\" to finish.");
        }
    }

    private static Optional<BackupSetPlan> choose(WorkbenchContext context, List<BackupSetPlan> sets) {
        String[] buttons = new String[sets.size() + 1];
        for (int i = 0; i < sets.size(); i++) {
            buttons[i] = sets.get(i).name();
        }
        buttons[sets.size()] = "Cancel";
        int answer = new MessageDialog(
                        context.shell(),
                        "Back Up Project",
                        null,
                        "The project has " + sets.size() + " backup sets. Which one?",
                        MessageDialog.QUESTION,
                        sets.size(),
                        buttons)
                .open();
        return answer >= 0 && answer < sets.size() ? Optional.of(sets.get(answer)) : Optional.empty();
    }

    /** Backs up {@code source} to the selected destination, the only known one, or one the user picks. */
    static void backUp(BackupsModel model, WorkbenchContext context, Path source) {
        Optional<Path> project = Optional.of(source);
        Optional<Path> destination = model.selectedDestination();
        if (destination.isEmpty()) {
            List<Path> known = model.destinations();
            if (known.size() == 1) {
                destination = Optional.of(known.get(0));
            } else {
                DirectoryDialog dialog = new DirectoryDialog(context.shell());
                dialog.setText("Back Up " + project.get().getFileName() + " To");
                destination = Optional.ofNullable(dialog.open()).map(Path::of);
            }
        }
        if (destination.isPresent() && !model.backUp(context, project.get(), destination.get())) {
            MessageDialog.openInformation(
                    context.shell(), "Back Up Project", "Wait for \"" + model.runningName() + "\" to finish.");
        }
    }
}
