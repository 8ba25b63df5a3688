package dev.trestle.core.command;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The checks every command makes of the paths it is given, with the same one-line messages everywhere: a
 * command line that names something missing fails with {@link ExitStatus#USAGE} before any work starts.
 */
public final class CommandArguments {
    private CommandArguments() {}

    /** The absolute, normalised path an argument names; fails on text that is no path on this system. */
    public static Path path(String argument) {
        try {
            return Path.of(argument).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw CommandFailure.usage("not a path: " + argument);
        }
    }

    /** An existing directory. */
    public static Path directory(String argument) {
        Path path = path(argument);
        if (!Files.isDirectory(path)) {
            throw CommandFailure.usage("not a directory: " + argument);
        }
        return path;
    }

    /** An existing regular file. */
    public static Path file(String argument) {
        Path path = path(argument);
        if (Files.isDirectory(path)) {
            throw CommandFailure.usage("a directory, not a file: " + argument);
        }
        if (!Files.isRegularFile(path)) {
            throw CommandFailure.usage((Files.exists(path) ? "not a regular file: " : "no such file: ") + argument);
        }
        return path;
    }
}
