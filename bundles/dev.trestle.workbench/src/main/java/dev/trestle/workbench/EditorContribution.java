package dev.trestle.workbench;

import java.nio.file.Path;
import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens files of some kind in an editor tab. Of the contributions that {@link #canOpen} a file, the one with the
 * highest {@link #priority} wins; files no contribution claims open in the workbench's plain-text editor.
 */
@ConsumerType
public interface EditorContribution {
    String id();

    /** Decides from the path alone; called often, so it must not read the file. */
    boolean canOpen(Path file);

    /** Higher wins when several contributions can open a file; a general-purpose editor returns 0. */
    default int priority() {
        return 0;
    }

    /** Creates the editor's widgets under {@code parent}, already showing {@code file}. */
    EditorPart open(Composite parent, Path file, WorkbenchContext context) throws Exception;
}
