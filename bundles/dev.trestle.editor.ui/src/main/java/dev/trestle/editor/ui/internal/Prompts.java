package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.Branch;
import dev.trestle.editor.history.Conflict;
import dev.trestle.editor.history.Recovery;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;

/** The questions the editor asks the user; tests answer them without a modal dialog. */
interface Prompts {
    enum ConflictChoice {
        MERGE,
        OVERWRITE,
        RELOAD,
        CANCEL
    }

    ConflictChoice onConflict(Conflict conflict);

    boolean restoreRecovery(Recovery recovery);

    /** The text of a note on {@code line} of {@code file}, or empty when the user cancels. */
    Optional<String> noteText(Path file, int line);

    /** The state to switch to among the tips of {@code branches} ({@code current} marked), or empty to stay. */
    Optional<Long> chooseBranch(List<Branch> branches, long current);

    /** How a branch is listed: when its last edit was made and how many edits lead to it. */
    static String describe(Branch branch, long current) {
        String time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(ZoneId.systemDefault())
                .format(branch.time());
        return time + ", " + branch.depth() + (branch.depth() == 1 ? " edit" : " edits")
                + (branch.tipState() == current ? " (current)" : "");
    }

    /** Asks with JFace dialogs over {@code shell}. */
    static Prompts dialogs(Shell shell) {
        return new Prompts() {
            @Override
            public ConflictChoice onConflict(Conflict conflict) {
                int choice = new MessageDialog(
                                shell,
                                "File changed on disk",
                                null,
                                conflict.file() + " was changed by another program since it was opened.\n\n"
                                        + "Merge the other program's changes into the editor's text (where both"
                                        + " changed the same lines, both versions are kept between <<<<<<< and"
                                        + " >>>>>>> for you to choose), overwrite the file with the editor's text,"
                                        + " reload it (the editor's text stays in the undo history), or cancel?",
                                MessageDialog.WARNING,
                                0,
                                "Merge",
                                "Overwrite",
                                "Reload",
                                "Cancel")
                        .open();
                return switch (choice) {
                    case 0 -> ConflictChoice.MERGE;
                    case 1 -> ConflictChoice.OVERWRITE;
                    case 2 -> ConflictChoice.RELOAD;
                    default -> ConflictChoice.CANCEL;
                };
            }

            @Override
            public Optional<String> noteText(Path file, int line) {
                InputDialog dialog = new InputDialog(
                        shell,
                        "Add Note",
                        "Note on line " + line + " of " + file.getFileName() + ":",
                        "",
                        text -> text.isBlank() ? "A note needs some text" : null);
                return dialog.open() == Window.OK ? Optional.of(dialog.getValue()) : Optional.empty();
            }

            @Override
            public Optional<Long> chooseBranch(List<Branch> branches, long current) {
                return new BranchDialog(shell, branches, current).choose();
            }

            @Override
            public boolean restoreRecovery(Recovery recovery) {
                return MessageDialog.openQuestion(
                        shell,
                        "Unsaved changes found",
                        recovery.file() + " has unsaved changes from " + recovery.written()
                                + ", newer than the file. Restore them?");
            }
        };
    }
}
