package dev.trestle.make.clean;

import java.io.IOException;

/** The clean as a whole was refused before anything was removed: no build directory, or one Trestle did not make. */
public final class CleanRefused extends IOException {
    private static final long serialVersionUID = 1L;

    public CleanRefused(String message) {
        super(message);
    }
}
