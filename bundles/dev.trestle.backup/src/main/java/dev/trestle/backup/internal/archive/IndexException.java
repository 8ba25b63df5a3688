package dev.trestle.backup.internal.archive;

import java.io.IOException;

/** An index that cannot be trusted: without it, damage cannot be told apart from content. */
public final class IndexException extends IOException {
    private static final long serialVersionUID = 1L;

    public IndexException(String message) {
        super(message);
    }
}
