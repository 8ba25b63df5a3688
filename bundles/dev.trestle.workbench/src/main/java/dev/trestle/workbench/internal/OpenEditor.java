package dev.trestle.workbench.internal;

import dev.trestle.workbench.EditorPart;
import java.nio.file.Path;
import org.eclipse.swt.custom.CTabItem;

/** An editor in its tab. */
record OpenEditor(Path file, CTabItem tab, EditorPart part) {
    /** The tab's title: the file name, after a {@code *} while there are unsaved changes. */
    String title() {
        return (part.isDirty() ? "*" : "") + file.getFileName();
    }
}
