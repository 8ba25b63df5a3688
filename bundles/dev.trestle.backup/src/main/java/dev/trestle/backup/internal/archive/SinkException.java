package dev.trestle.backup.internal.archive;

import java.io.IOException;

/**
 * A sink could not take a member's content (a full disk, a failing device): no fault of the archive, so the read
 * stops rather than report the member, and every member after it, as damaged.
 */
public final class SinkException extends IOException {
    private static final long serialVersionUID = 1L;

    public SinkException(String message, IOException cause) {
        super(message, cause);
    }
}
