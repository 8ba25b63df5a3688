package dev.trestle.editor.ui.internal;

import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.VerifyKeyListener;
import org.eclipse.swt.events.VerifyEvent;

/**
 * The editor's own shortcuts, taken before StyledText sees the key: undo and redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y),
 * earlier and later by a minute across undo branches (Ctrl+Alt+Z, Ctrl+Alt+Shift+Z), the list of undo branches
 * (Ctrl+Alt+B),
 * go to line (Ctrl+L), find (Ctrl+F; Escape closes the bar) and go to definition (F3).
 */
final class EditorKeys implements VerifyKeyListener {
    private final EditorActions editor;

    EditorKeys(EditorActions editor) {
        this.editor = editor;
    }

    @Override
    public void verifyKey(VerifyEvent event) {
        boolean ctrl = (event.stateMask & SWT.MOD1) != 0;
        boolean shift = (event.stateMask & SWT.SHIFT) != 0;
        boolean alt = (event.stateMask & SWT.ALT) != 0;
        int key = Character.toLowerCase(event.keyCode);
        if (ctrl && alt && key == 'z') {
            event.doit = false;
            if (shift) {
                editor.later();
            } else {
                editor.earlier();
            }
        } else if (ctrl && alt && key == 'b') {
            event.doit = false;
            editor.chooseUndoBranch();
        } else if (ctrl && key == 'z') {
            event.doit = false;
            if (shift) {
                editor.redo();
            } else {
                editor.undo();
            }
        } else if (ctrl && key == 'y') {
            event.doit = false;
            editor.redo();
        } else if (ctrl && key == 'l') {
            event.doit = false;
            askForLine();
        } else if (ctrl && key == 'f') {
            event.doit = false;
            editor.findBar().setVisible(true);
        } else if (event.keyCode == SWT.F3 && (event.stateMask & SWT.MODIFIER_MASK) == 0) {
            event.doit = false;
            editor.goToDefinition();
        } else if (event.keyCode == SWT.ESC) {
            editor.findBar().setVisible(false);
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
