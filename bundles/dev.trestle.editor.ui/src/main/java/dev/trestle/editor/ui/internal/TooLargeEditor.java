package dev.trestle.editor.ui.internal;

import dev.trestle.workbench.EditorPart;
import java.nio.file.Path;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * Says why a file is not shown: it is over {@link FileContent#MAX_SIZE} and the read-only {@link LargeFileEditor}
 * cannot take it either (the editor core's document service is absent, or the file exceeds JFace's int offsets).
 */
final class TooLargeEditor implements EditorPart {
    private final Label label;

    TooLargeEditor(Composite parent, Path file) {
        label = new Label(parent, SWT.WRAP | SWT.CENTER);
        label.setText(file.getFileName() + " is larger than " + (FileContent.MAX_SIZE >> 20)
                + " MB and cannot be paged here (no document service, or over 2 GB), so it is not opened. The"
                + " file was not changed.");
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
