package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.source.SourceViewer;
import org.eclipse.swt.widgets.Control;

/** What the editor's shortcuts ({@link EditorKeys}) act on, in the source editor and the large-file view. */
interface EditorActions {
    SourceViewer viewer();

    FindBar findBar();

    Control control();

    void revealLine(int line);

    void undo();

    void redo();

    void goToDefinition();
}
