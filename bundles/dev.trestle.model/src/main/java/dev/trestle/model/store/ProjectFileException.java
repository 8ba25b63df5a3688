package dev.trestle.model.store;

import java.io.IOException;
import java.nio.file.Path;

/** A project file that cannot be read: names the file, the line and column where known, and the problem. */
public final class ProjectFileException extends IOException {
    private static final long serialVersionUID = 1L;
    private final Path file;
    private final int line;
    private final int column;

    public ProjectFileException(Path file, int line, int column, String problem, Throwable cause) {
        super(location(file, line, column) + ": " + problem, cause);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    private static String location(Path file, int line, int column) {
        if (line <= 0) {
            return String.valueOf(file);
        }
        return file + ":" + line + (column > 0 ? ":" + column : "");
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the problem, or 0 when the problem is not tied to a line. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
