package dev.trestle.workbench.internal;

import dev.trestle.workbench.EditorContribution;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the contribution with the highest priority among those that can open a file. */
final class EditorChooser {
    private final ErrorReporter errors;

    EditorChooser(ErrorReporter errors) {
        this.errors = errors;
    }

    Optional<EditorContribution> choose(List<EditorContribution> editors, Path file) {
        return editors.stream().filter(editor -> canOpen(editor, file)).max(Comparator.comparingInt(this::priority));
    }

    private boolean canOpen(EditorContribution editor, Path file) {
        try {
            return editor.canOpen(file);
        } catch (RuntimeException e) {
            errors.report("editor " + editor.getClass().getName() + " failed deciding whether it opens " + file, e);
            return false;
        }
    }

    private int priority(EditorContribution editor) {
        try {
            return editor.priority();
        } catch (RuntimeException e) {
            errors.report("editor " + editor.getClass().getName() + " failed telling its priority", e);
            return Integer.MIN_VALUE;
        }
    }
}
