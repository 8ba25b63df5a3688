package dev.trestle.workbench.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * What the command line and the properties ask of this run: {@code [DIR] [--open FILE[:LINE]]}. Wrong property
 * values are reported on stderr and ignored, so a typo in a benchmark script never keeps the window from opening; a
 * file to open that is missing or a line that is not a positive number is a {@link #usageError}, and the run ends
 * with status 2 before any window opens.
 *
 * @param projectDirectory the {@code [DIR]} argument; without it, the project that holds the file to open
 * @param openFile the file of {@code --open}, absolute
 * @param openLine the line of {@code --open FILE:LINE}, 1-based; 0 when none was given
 * @param screenshot {@value #SCREENSHOT}: where to save a PNG of the window once it is filled
 * @param autoCloseMillis {@value #AUTO_CLOSE}: close the window after this long
 * @param usageError one line telling what is wrong with the arguments
 */
record LaunchOptions(
        Optional<Path> projectDirectory,
        Optional<Path> openFile,
        int openLine,
        Optional<Path> screenshot,
        OptionalLong autoCloseMillis,
        Optional<String> usageError) {
    static final String SCREENSHOT = "trestle.workbench.screenshot";
    static final String AUTO_CLOSE = "trestle.workbench.autoclose.ms";
    static final String OPEN = "--open";
    /** A directory holding one of these is the root of a project. */
    static final List<String> PROJECT_MARKERS = List.of("project.trestle", "trestle-build.txt", ".git");

    /** A file and a 1-based line (0: none), as {@code FILE[:LINE]} names them. */
    record FileAndLine(Path file, int line) {}

    static LaunchOptions parse(String[] arguments, UnaryOperator<String> property) {
        List<String> positional = new ArrayList<>();
        String open = null;
        String error = null;
        for (int i = 0; i < arguments.length; i++) {
            if (arguments[i].equals(OPEN)) {
                if (i + 1 >= arguments.length) {
                    error = OPEN + " needs FILE[:LINE]";
                } else {
                    open = arguments[++i];
                }
            } else if (arguments[i].startsWith(OPEN + "=")) {
                open = arguments[i].substring(OPEN.length() + 1);
            } else {
                positional.add(arguments[i]);
            }
        }
        Optional<Path> directory = Optional.empty();
        if (positional.size() > 1) {
            WorkbenchLog.error(
                    "expected [DIR] [--open FILE[:LINE]], got " + String.join(" ", arguments) + "; opening "
                            + positional.get(0),
                    null);
        }
        if (!positional.isEmpty() && !positional.get(0).isBlank()) {
            directory = Optional.of(absolute(Path.of(positional.get(0))));
        }
        Optional<Path> openFile = Optional.empty();
        int openLine = 0;
        if (open != null && error == null) {
            try {
                FileAndLine target = fileAndLine(open);
                openFile = Optional.of(target.file());
                openLine = target.line();
                if (directory.isEmpty()) {
                    directory = Optional.of(projectOf(target.file()));
                }
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        Optional<Path> screenshot = Optional.ofNullable(property.apply(SCREENSHOT))
                .filter(s -> !s.isBlank())
                .map(Path::of);
        return new LaunchOptions(
                directory,
                openFile,
                openLine,
                screenshot,
                millis(property.apply(AUTO_CLOSE)),
                Optional.ofNullable(error));
    }

    /**
     * Reads {@code FILE[:LINE]}: a name that is an existing file as a whole is the file (so {@code a:1.c} works),
     * otherwise the part after the last colon is the line.
     *
     * @throws IllegalArgumentException with a one-line message when the file is missing or the line is not a
     *     positive number
     */
    static FileAndLine fileAndLine(String argument) {
        if (argument.isBlank()) {
            throw new IllegalArgumentException("no file to open");
        }
        Path whole = absolute(Path.of(argument));
        if (Files.isRegularFile(whole)) {
            return new FileAndLine(whole, 0);
        }
        int colon = argument.lastIndexOf(':');
        if (colon > 0) {
            Path file = absolute(Path.of(argument.substring(0, colon)));
            String line = argument.substring(colon + 1);
            if (Files.isRegularFile(file)) {
                return new FileAndLine(file, positive(line, argument));
            }
        }
        throw new IllegalArgumentException("no such file: " + argument);
    }

    private static int positive(String line, String argument) {
        try {
            int value = Integer.parseInt(line);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a line number >= 1: '" + line + "' in " + argument);
    }

    /** The nearest directory above {@code file} that holds a project marker, else the file's own directory. */
    static Path projectOf(Path file) {
        Path start = absolute(file).getParent();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (String marker : PROJECT_MARKERS) {
                if (Files.exists(dir.resolve(marker))) {
                    return dir;
                }
            }
        }
        return start;
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }

    private static OptionalLong millis(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= 0) {
                return OptionalLong.of(millis);
            }
        } catch (NumberFormatException e) {
            // reported below, with the expected form
        }
        WorkbenchLog.error(AUTO_CLOSE + "=" + value + " is not a number of milliseconds >= 0; ignored", null);
        return OptionalLong.empty();
    }
}
