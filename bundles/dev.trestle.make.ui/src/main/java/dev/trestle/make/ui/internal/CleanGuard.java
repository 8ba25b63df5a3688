package dev.trestle.make.ui.internal;

import dev.trestle.core.safety.BackupCoverage;
import dev.trestle.core.safety.DestinationAge;
import dev.trestle.core.safety.SourceBackups;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Shell;

/**
 * The question before a clean whose sources are not covered by a verified backup: back up first (to the destination
 * used most recently, or one the user picks), clean anyway, or cancel.
 */
final class CleanGuard {
    enum Choice {
        BACK_UP_FIRST,
        CLEAN_ANYWAY,
        CANCEL
    }

    static final String[] BUTTONS = {"Back Up First", "Clean Anyway", "Cancel"};

    private CleanGuard() {}

    /** Null when there is nothing to ask: the backup capability is absent or the sources are covered. */
    static String question(Optional<SourceBackups> backups, Path root) throws IOException {
        if (backups.isEmpty()) {
            return null;
        }
        BackupCoverage coverage = backups.get().coverage(root);
        return coverage.current() ? null : capitalised(coverage.describe(Instant.now())) + ".";
    }

    static Choice ask(Shell shell, String question) {
        MessageDialog dialog = new MessageDialog(
                shell,
                "Clean",
                null,
                question + "\n\nClean removes only the build outputs the project model lists, but a backup first"
                        + " keeps the sources safe from whatever else goes wrong.",
                MessageDialog.WARNING,
                0,
                BUTTONS);
        return switch (dialog.open()) {
            case 0 -> Choice.BACK_UP_FIRST;
            case 1 -> Choice.CLEAN_ANYWAY;
            default -> Choice.CANCEL;
        };
    }

    /** The most recently verified destination, or one the user picks when there is none. */
    static Optional<Path> destination(Shell shell, SourceBackups backups) throws IOException {
        List<DestinationAge> known = backups.destinations();
        Optional<Path> newest = known.stream()
                .filter(d -> d.newestVerified().isPresent())
                .max(Comparator.comparing(d -> d.newestVerified().get()))
                .map(DestinationAge::destination);
        if (newest.isPresent()) {
            return newest;
        }
        DirectoryDialog dialog = new DirectoryDialog(shell);
        dialog.setText("Back Up To");
        dialog.setMessage("Choose a directory on the backup device");
        return Optional.ofNullable(dialog.open()).map(Path::of);
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
