package dev.trestle.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jface.preference.PreferenceStore;

/**
 * Preferences kept per user, one file per capability in the state directory that the launcher names with {@code
 * trestle.state.dir} (else {@code ~/.local/state/trestle}). A file that cannot be read leaves the defaults in force:
 * a broken preference is no reason not to work.
 */
public final class UserPreferences {
    /** The system property the launcher sets to the user's state directory. */
    public static final String STATE_DIR_PROPERTY = "trestle.state.dir";

    private UserPreferences() {}

    /** {@code configured} when given, else the launcher's property, else the XDG default. */
    public static Path stateDirectory(String configured) {
        String explicit = configured != null ? configured : System.getProperty(STATE_DIR_PROPERTY);
        return explicit != null && !explicit.isBlank()
                ? Path.of(explicit)
                : Path.of(System.getProperty("user.home"), ".local", "state", "trestle");
    }

    /** The store kept in {@code file}, loaded when the file exists. */
    public static PreferenceStore open(Path file) {
        PreferenceStore store = new PreferenceStore(file.toString());
        if (Files.isRegularFile(file)) {
            try {
                store.load();
            } catch (IOException e) {
                // the defaults hold
            }
        }
        return store;
    }

    /** Writes {@code store} back to its file when anything changed, creating the directory as needed. */
    public static void save(PreferenceStore store, Path file) throws IOException {
        if (store.needsSaving()) {
            Files.createDirectories(file.getParent());
            store.save();
        }
    }
}
