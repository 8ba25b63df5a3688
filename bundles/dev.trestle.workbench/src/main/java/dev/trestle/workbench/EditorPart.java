package dev.trestle.workbench;

import java.io.IOException;
import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ConsumerType;

/** One open editor, as the workbench's editor area handles it. */
@ConsumerType
public interface EditorPart {
    /** The widget the editor created under the parent given to {@link EditorContribution#open}. */
    Control control();

    /** True while there are changes that {@link #save} would write. */
    boolean isDirty();

    /** Writes the changes to the file (atomically); afterwards {@link #isDirty} is false. */
    void save() throws IOException;

    /** Releases what the editor holds; the workbench disposes {@link #control()} itself. */
    void dispose();

    /**
     * Lets the workbench mark the tab of a changed editor; call {@code listener} whenever {@link #isDirty} flips.
     * The default suits an editor that is never dirty.
     */
    default void onDirtyChanged(Runnable listener) {}

    /** Shows the given 1-based line, e.g. when a problem is double-clicked; the default ignores it. */
    default void revealLine(int line) {}
}
