package dev.trestle.make.description;

import java.io.IOException;
import java.nio.file.Path;

/** A description that cannot be read: names the file, the line and what was expected there. */
public final class DescriptionException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    public DescriptionException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
