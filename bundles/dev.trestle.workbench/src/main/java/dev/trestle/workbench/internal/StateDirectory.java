package dev.trestle.workbench.internal;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Where the workbench keeps what it remembers between runs, following the XDG base directory convention. */
final class StateDirectory {
    static final String PROPERTY = "trestle.state.dir";

    private StateDirectory() {}

    /**
     * @param property looks up framework or system properties
     * @param environment looks up environment variables
     */
    static Path resolve(UnaryOperator<String> property, UnaryOperator<String> environment) {
        String explicit = property.apply(PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = environment.apply("XDG_STATE_HOME");
        // the spec says a relative XDG path is invalid and must be ignored
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "trestle");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "trestle");
    }
}
