package dev.trestle.workbench;

import dev.trestle.core.jobs.JobService;
import dev.trestle.model.Project;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.swt.widgets.Shell;
import org.osgi.annotation.versioning.ProviderType;

/** What a contribution may ask of the workbench. Call it on the display thread, except {@link #asyncExec}. */
@ProviderType
public interface WorkbenchContext {
    Shell shell();

    /** The project shown in the explorer, if one is open. */
    Optional<Project> project();

    JobService jobs();

    /** Opens the file in the best editor, or shows the tab where it is already open. */
    void openFile(Path file);

    /** Opens the file as {@link #openFile(Path)} does and shows {@code line} (1-based) when it is positive. */
    default void openFile(Path file, int line) {
        openFile(file);
    }

    /** The file of the editor in front, if any. */
    default Optional<Path> activeFile() {
        return Optional.empty();
    }

    /** Brings the view with {@link ViewContribution#id()} {@code id} to the front; false if the window has none. */
    default boolean showView(String id) {
        return false;
    }

    /** Tells the user, logs the cause, and keeps the workbench running. Safe from any thread. */
    void showError(String message, Throwable cause);

    /** Runs {@code task} on the display thread soon; ignored once the window is gone. Safe from any thread. */
    void asyncExec(Runnable task);
}
