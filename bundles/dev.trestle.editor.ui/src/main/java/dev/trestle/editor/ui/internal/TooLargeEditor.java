package dev.trestle.editor.ui.internal;

import dev.trestle.workbench.EditorPart;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * Says why a file is not shown. Files over {@link FileContent#MAX_SIZE} need the paged piece-tree view, which this
 * editor does not have yet; loading them onto the heap would stall the window.
 */
final class TooLargeEditor implements EditorPart {
    private final Label label;

    TooLargeEditor(Composite parent, Path file) {
        label = new Label(parent, SWT.WRAP | SWT.CENTER);
        label.setText(file.getFileName() + " is larger than " + (FileContent.MAX_SIZE >> 20)
                + " MB: the source editor does not page files this large yet, so it is not opened. The file was"
                + " not changed.");
    }

    @Override
    public Control control() {
        return label;
    }

    @Override
    public boolean isDirty() {
        return false;
    }

    @Override
    public void save() {
        // read-only: nothing to write
    }

    @Override
    public void dispose() {
        // holds nothing but its label, which the workbench disposes
    }
}
