package dev.trestle.workbench.internal;

import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.jface.preference.PreferenceStore;
import org.eclipse.swt.graphics.Rectangle;

/**
 * What the workbench remembers between runs: window bounds, sash weights and recent projects, in
 * {@value #FILE_NAME} under the state directory. A damaged file is logged and replaced, never fatal.
 */
final class WorkbenchPreferences {
    static final String FILE_NAME = "workbench.properties";
    static final int MAX_RECENT = 10;
    static final String REOPEN_LAST_PROJECT = "reopenLastProject";

    private static final String BOUNDS = "window.bounds";
    private static final String RECENT = "recent.";

    private final Path file;
    private final PreferenceStore store = new PreferenceStore();

    private WorkbenchPreferences(Path file) {
        this.file = file;
        store.setDefault(REOPEN_LAST_PROJECT, true);
    }

    static WorkbenchPreferences load(Path stateDirectory) {
        WorkbenchPreferences preferences = new WorkbenchPreferences(stateDirectory.resolve(FILE_NAME));
        if (Files.isRegularFile(preferences.file)) {
            try (InputStream in = Files.newInputStream(preferences.file)) {
                preferences.store.load(in);
            } catch (IOException | IllegalArgumentException e) {
                WorkbenchLog.error("cannot read " + preferences.file + ", starting with defaults", e);
            }
        }
        return preferences;
    }

    PreferenceStore store() {
        return store;
    }

    Path file() {
        return file;
    }

    void save() throws IOException {
        AtomicFiles.write(file, out -> store.save(out, "Trestle workbench state"));
    }

    Optional<Rectangle> windowBounds() {
        int[] v = ints(BOUNDS, 4);
        return v == null || v[2] <= 0 || v[3] <= 0
                ? Optional.empty()
                : Optional.of(new Rectangle(v[0], v[1], v[2], v[3]));
    }

    void setWindowBounds(Rectangle bounds) {
        setInts(BOUNDS, bounds.x, bounds.y, bounds.width, bounds.height);
    }

    /** The weights of the named sash, or {@code defaults} when none (or a different number) were saved. */
    int[] sashWeights(String sash, int... defaults) {
        int[] saved = ints("sash." + sash, defaults.length);
        return saved == null || Arrays.stream(saved).anyMatch(w -> w <= 0) ? defaults : saved;
    }

    void setSashWeights(String sash, int... weights) {
        setInts("sash." + sash, weights);
    }

    /** Most recent first. */
    List<Path> recentProjects() {
        List<Path> recent = new ArrayList<>();
        for (int i = 0; i < MAX_RECENT; i++) {
            String value = store.getString(RECENT + i);
            if (!value.isEmpty()) {
                recent.add(Path.of(value));
            }
        }
        return recent;
    }

    void addRecentProject(Path directory) {
        List<Path> recent = recentProjects();
        Path normal = directory.toAbsolutePath().normalize();
        recent.remove(normal);
        recent.add(0, normal);
        for (int i = 0; i < MAX_RECENT; i++) {
            if (i < recent.size()) {
                store.setValue(RECENT + i, recent.get(i).toString());
            } else {
                store.setToDefault(RECENT + i);
            }
        }
    }

    boolean reopenLastProject() {
        return store.getBoolean(REOPEN_LAST_PROJECT);
    }

    private int[] ints(String key, int count) {
        String[] parts = store.getString(key).split(",");
        if (parts.length != count) {
            return null;
        }
        try {
            return Arrays.stream(parts)
                    .mapToInt(p -> Integer.parseInt(p.trim()))
                    .toArray();
        } catch (NumberFormatException e) {
            WorkbenchLog.error(file + ": " + key + "=" + store.getString(key) + " is not " + count + " integers", null);
            return null;
        }
    }

    private void setInts(String key, int... values) {
        store.setValue(
                key,
                String.join(
                        ",", Arrays.stream(values).mapToObj(Integer::toString).toList()));
    }
}
