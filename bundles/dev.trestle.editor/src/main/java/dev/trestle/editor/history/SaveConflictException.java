package dev.trestle.editor.history;

import java.io.IOException;

/** Thrown instead of overwriting a file that changed on disk; nothing was written. */
public final class SaveConflictException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Conflict conflict;

    public SaveConflictException(Conflict conflict) {
        super(conflict.file() + " changed on disk since it was loaded (size "
                + conflict.loaded().size() + " -> " + conflict.onDisk().size() + "); not saved");
        this.conflict = conflict;
    }

    public Conflict conflict() {
        return conflict;
    }
}
