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

    /** Back in time by a step, across undo branches (vim's {@code :earlier}); a view without history beeps. */
    default void earlier() {
        control().getDisplay().beep();
    }

    default void later() {
        control().getDisplay().beep();
    }

    /** Searches the project for the selection, or the identifier at the caret. */
    default void searchProject() {
        control().getDisplay().beep();
    }

    /** Lists the definitions and references of the identifier at the caret. */
    default void findReferences() {
        control().getDisplay().beep();
    }

    /** Bookmarks the caret's line, or removes the bookmarks and notes there; a view without a project beeps. */
    default void toggleBookmark() {
        control().getDisplay().beep();
    }

    /** Asks for a note and attaches it to the caret's line. */
    default void addNote() {
        control().getDisplay().beep();
    }

    /** Lists the undo branches and switches to the one chosen. */
    default void chooseUndoBranch() {
        control().getDisplay().beep();
    }
}
