package dev.trestle.backup.internal;

import java.io.IOException;

/** A destination that is not the one backed up to before, or not fit to write to; the message says what looked wrong. */
final class DestinationRefused extends IOException {
    private static final long serialVersionUID = 1L;

    DestinationRefused(String message) {
        super(message);
    }
}
