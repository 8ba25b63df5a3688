package dev.trestle.workbench;

import java.util.Optional;
import org.eclipse.jface.resource.ImageDescriptor;
import org.osgi.annotation.versioning.ConsumerType;

/** A command added to a top-level menu of the workbench and, unless it says otherwise, to its toolbar. */
@ConsumerType
public interface ActionContribution {
    String id();

    /** The top-level menu, e.g. {@code "Project"} or {@code "Tools"}; created when no such menu exists yet. */
    String menuPath();

    String label();

    /** An SWT accelerator such as {@code SWT.MOD1 | SWT.SHIFT | 'B'}, or 0 for none. */
    default int accelerator() {
        return 0;
    }

    default Optional<ImageDescriptor> icon() {
        return Optional.empty();
    }

    /** Whether it is also a toolbar button: false for a command seldom used, which stays in its menu only. */
    default boolean onToolBar() {
        return true;
    }

    /** Runs on the display thread: schedule long work through {@link WorkbenchContext#jobs()}. */
    void run(WorkbenchContext context) throws Exception;
}
