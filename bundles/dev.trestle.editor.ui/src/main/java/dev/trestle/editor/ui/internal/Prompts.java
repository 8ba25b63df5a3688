package dev.trestle.editor.ui.internal;

import dev.trestle.editor.history.Conflict;
import dev.trestle.editor.history.Recovery;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;

/** The questions the editor asks the user; tests answer them without a modal dialog. */
interface Prompts {
    enum ConflictChoice {
        OVERWRITE,
        RELOAD,
        CANCEL
    }

    ConflictChoice onConflict(Conflict conflict);

    boolean restoreRecovery(Recovery recovery);

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
                                        + "Overwrite it with the editor's text, reload it (the editor's text stays in"
                                        + " the undo history), or cancel the save?",
                                MessageDialog.WARNING,
                                2,
                                "Overwrite",
                                "Reload",
                                "Cancel")
                        .open();
                return switch (choice) {
                    case 0 -> ConflictChoice.OVERWRITE;
                    case 1 -> ConflictChoice.RELOAD;
                    default -> ConflictChoice.CANCEL;
                };
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
