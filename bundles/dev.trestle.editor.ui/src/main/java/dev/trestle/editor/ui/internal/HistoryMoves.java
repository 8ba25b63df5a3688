package dev.trestle.editor.ui.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.swt.widgets.Control;

/**
 * The editor's moves through a file's persistent undo history (undo, redo, back and forth in time, to another
 * branch), shared by the source editor and the large-file view: a move that finds nowhere to go beeps, and a history
 * that does not fit the text is reported, never applied in part silently.
 */
final class HistoryMoves {
    /** How far Ctrl+Alt+Z and Ctrl+Alt+Shift+Z go back and forth in time. */
    static final Duration TIME_STEP = Duration.ofMinutes(1);

    private final Supplier<PersistentUndo> undo;
    private final Control control;
    private final Path file;
    private final Prompts prompts;
    private final BiConsumer<String, Throwable> errors;
    private final Runnable afterMove;

    /** {@code undo} may supply null while the history is still being opened: a move then beeps. */
    HistoryMoves(
            Supplier<PersistentUndo> undo,
            Control control,
            Path file,
            Prompts prompts,
            BiConsumer<String, Throwable> errors,
            Runnable afterMove) {
        this.undo = undo;
        this.control = control;
        this.file = file;
        this.prompts = prompts;
        this.errors = errors;
        this.afterMove = afterMove;
    }

    void undo() {
        move(history -> history.undo());
    }

    void redo() {
        move(history -> history.redo());
    }

    void earlier(Duration duration) {
        move(history -> history.earlier(duration));
    }

    void later(Duration duration) {
        move(history -> history.later(duration));
    }

    void chooseBranch() {
        PersistentUndo history = undo.get();
        if (history == null) {
            control.getDisplay().beep();
            return;
        }
        prompts.chooseBranch(history.branches(), history.state()).ifPresent(state -> move(h -> h.switchTo(state)));
    }

    /** A move through the undo history; false when there was nowhere to go. */
    private interface Move {
        boolean run(PersistentUndo history) throws BadLocationException;
    }

    private void move(Move step) {
        PersistentUndo history = undo.get();
        try {
            if (history == null || !step.run(history)) {
                control.getDisplay().beep();
            }
        } catch (BadLocationException e) {
            errors.accept("The undo history of " + file + " does not fit its text", e);
        }
        afterMove.run();
    }
}
