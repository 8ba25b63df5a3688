package dev.trestle.make.ui.internal;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.PlatformSpec;
import dev.trestle.workbench.UserPreferences;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.eclipse.jface.preference.PreferenceStore;

/**
 * The user's build preferences, kept per user in {@code build.properties} in the state directory: the compiler of
 * each built-in platform, which a proposed description (Generate on a tree without one) starts from. A description
 * that exists keeps its own compilers.
 */
final class BuildSettings {
    static final String FILE = "build.properties";

    private final PreferenceStore store;
    private final Path file;

    private BuildSettings(PreferenceStore store, Path file) {
        this.store = store;
        this.file = file;
        for (PlatformSpec platform : PlatformSpec.BUILT_IN) {
            store.setDefault(compilerKey(platform.name()), platform.compiler());
        }
    }

    /** The launcher's state directory, else the XDG default it would have chosen. */
    static BuildSettings load(String stateDirectory) {
        Path file = UserPreferences.stateDirectory(stateDirectory).resolve(FILE);
        return new BuildSettings(UserPreferences.open(file), file);
    }

    PreferenceStore store() {
        return store;
    }

    static String compilerKey(String platform) {
        return "compiler." + platform.toLowerCase(Locale.ROOT);
    }

    void save() throws IOException {
        UserPreferences.save(store, file);
    }

    /** The description with each platform's compiler as the user prefers it, where the user chose one. */
    BuildDescription preferredCompilers(BuildDescription proposed) {
        var platforms = proposed.platforms().stream()
                .map(p -> {
                    String key = compilerKey(p.name());
                    return store.contains(key)
                                    && !store.isDefault(key)
                                    && !store.getString(key).isBlank()
                            ? new PlatformSpec(
                                    p.name(), p.os(), store.getString(key).strip(), p.triple())
                            : p;
                })
                .toList();
        return new BuildDescription(proposed.project(), platforms, proposed.targets(), proposed.commands());
    }
}
