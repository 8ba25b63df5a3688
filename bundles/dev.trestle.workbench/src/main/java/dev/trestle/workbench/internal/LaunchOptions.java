package dev.trestle.workbench.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/**
 * What the command line and the properties ask of this run. Wrong values are reported on stderr and ignored, so
 * a typo in a benchmark script never keeps the window from opening.
 *
 * @param projectDirectory the {@code [DIR]} argument
 * @param screenshot {@value #SCREENSHOT}: where to save a PNG of the window once it is filled
 * @param autoCloseMillis {@value #AUTO_CLOSE}: close the window after this long
 */
record LaunchOptions(Optional<Path> projectDirectory, Optional<Path> screenshot, OptionalLong autoCloseMillis) {
    static final String SCREENSHOT = "trestle.workbench.screenshot";
    static final String AUTO_CLOSE = "trestle.workbench.autoclose.ms";

    static LaunchOptions parse(String[] arguments, UnaryOperator<String> property) {
        Optional<Path> directory = Optional.empty();
        if (arguments.length > 1) {
            WorkbenchLog.error(
                    "expected at most one argument [DIR], got " + String.join(" ", arguments) + "; opening "
                            + arguments[0],
                    null);
        }
        if (arguments.length > 0 && !arguments[0].isBlank()) {
            directory = Optional.of(Path.of(arguments[0]).toAbsolutePath().normalize());
        }
        Optional<Path> screenshot = Optional.ofNullable(property.apply(SCREENSHOT))
                .filter(s -> !s.isBlank())
                .map(Path::of);
        return new LaunchOptions(directory, screenshot, millis(property.apply(AUTO_CLOSE)));
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
