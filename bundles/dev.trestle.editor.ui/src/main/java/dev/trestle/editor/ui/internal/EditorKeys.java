package dev.trestle.editor.ui.internal;

import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.VerifyKeyListener;
import org.eclipse.swt.events.VerifyEvent;

/**
 * The editor's own shortcuts, taken before StyledText sees the key, by the user's keys ({@link EditorSettings}; by
 * default undo and redo Ctrl+Z, Ctrl+Shift+Z, earlier and later by a minute across undo branches Ctrl+Alt+Z,
 * Ctrl+Alt+Shift+Z, the list of undo branches Ctrl+Alt+B, go to line Ctrl+L, find Ctrl+F, go to definition F3, find references Ctrl+Shift+G, search the project Ctrl+Shift+F, and
 * a
 * bookmark or a note on the line Ctrl+Shift+M and Ctrl+Shift+N).
 * Ctrl+Y also redoes, and Escape closes the find bar.
 */
final class EditorKeys implements VerifyKeyListener {
    private final EditorActions editor;

    EditorKeys(EditorActions editor) {
        this.editor = editor;
    }

    @Override
    public void verifyKey(VerifyEvent event) {
        var binding = EditorSettings.current().bindingOf(event);
        if (binding.isEmpty()) {
            boolean ctrl = (event.stateMask & SWT.MODIFIER_MASK) == SWT.MOD1;
            if (ctrl && Character.toLowerCase(event.keyCode) == 'y') {
                event.doit = false; // the second key of redo, as on Windows
                editor.redo();
            } else if (event.keyCode == SWT.ESC) {
                editor.findBar().setVisible(false);
            }
            return;
        }
        event.doit = false;
        switch (binding.get()) {
            case UNDO -> editor.undo();
            case REDO -> editor.redo();
            case EARLIER -> editor.earlier();
            case LATER -> editor.later();
            case BRANCHES -> editor.chooseUndoBranch();
            case GO_TO_LINE -> askForLine();
            case FIND -> editor.findBar().setVisible(true);
            case DEFINITION -> editor.goToDefinition();
            case REFERENCES -> editor.findReferences();
            case SEARCH_PROJECT -> editor.searchProject();
            case BOOKMARK -> editor.toggleBookmark();
            case NOTE -> editor.addNote();
        }
    }

    private void askForLine() {
        int lines = editor.viewer().getDocument().getNumberOfLines();
        IInputValidator validator = text -> {
            try {
                int line = Integer.parseInt(text.strip());
                return line >= 1 && line <= lines ? null : "The file has lines 1 to " + lines;
            } catch (NumberFormatException e) {
                return "Not a line number: " + text;
            }
        };
        InputDialog dialog =
                new InputDialog(editor.control().getShell(), "Go to Line", "Line (1-" + lines + "):", "", validator);
        if (dialog.open() == Window.OK) {
            editor.revealLine(Integer.parseInt(dialog.getValue().strip()));
        }
    }
}
