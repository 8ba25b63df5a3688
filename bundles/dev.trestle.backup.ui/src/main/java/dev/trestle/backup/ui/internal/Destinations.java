package dev.trestle.backup.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** The destinations the user added in the view, remembered in {@code backup-ui.properties} in the state directory. */
final class Destinations {
    private static final String PREFIX = "destination.";
    private final Path file;

    Destinations(Path file) {
        this.file = file;
    }

    /** {@code trestle.state.dir}, else {@code ~/.local/state/trestle}. */
    static Destinations inStateDirectory() {
        return new Destinations(
                dev.trestle.workbench.UserPreferences.stateDirectory(null).resolve("backup-ui.properties"));
    }

    List<Path> load() throws IOException {
        List<Path> paths = new ArrayList<>();
        if (!Files.exists(file)) {
            return paths;
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        }
        for (int i = 0; properties.containsKey(PREFIX + i); i++) {
            paths.add(Path.of(properties.getProperty(PREFIX + i)));
        }
        return paths;
    }

    void save(List<Path> paths) throws IOException {
        Properties properties = new Properties();
        for (int i = 0; i < paths.size(); i++) {
            properties.setProperty(PREFIX + i, paths.get(i).toString());
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temporary)) {
            properties.store(out, "Backup destinations added in the Backups view");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
