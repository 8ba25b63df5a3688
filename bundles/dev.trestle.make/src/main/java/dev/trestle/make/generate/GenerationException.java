package dev.trestle.make.generate;

import java.io.IOException;

/** The makefile cannot be generated; the message names the file or setting at fault. */
public final class GenerationException extends IOException {
    private static final long serialVersionUID = 1L;

    public GenerationException(String message) {
        super(message);
    }
}
