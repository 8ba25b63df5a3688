package dev.trestle.make.deps;

import java.nio.file.Path;

/** Something the scan could not follow (a missing header, an unresolved computed include); never fatal. */
public record Problem(Path file, int line, String message) {
    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
