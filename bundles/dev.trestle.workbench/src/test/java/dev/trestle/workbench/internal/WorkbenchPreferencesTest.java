package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.swt.graphics.Rectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchPreferencesTest {
    @TempDir
    Path state;

    @Test
    void boundsWeightsAndRecentProjectsSurviveSaveAndLoad() throws Exception {
        WorkbenchPreferences preferences = WorkbenchPreferences.load(state);
        preferences.setWindowBounds(new Rectangle(10, 20, 800, 600));
        preferences.setSashWeights("main", 30, 70);
        preferences.addRecentProject(Path.of("/p/one"));
        preferences.addRecentProject(Path.of("/p/two"));
        preferences.addRecentProject(Path.of("/p/one"));
        preferences.save();

        WorkbenchPreferences loaded = WorkbenchPreferences.load(state);
        assertEquals(Optional.of(new Rectangle(10, 20, 800, 600)), loaded.windowBounds());
        assertArrayEquals(new int[] {30, 70}, loaded.sashWeights("main", 1, 1));
        assertEquals(java.util.List.of(Path.of("/p/one"), Path.of("/p/two")), loaded.recentProjects());
    }

    @Test
    void recentProjectsKeepTheTenNewest() {
        WorkbenchPreferences preferences = WorkbenchPreferences.load(state);
        for (int i = 0; i < 12; i++) {
            preferences.addRecentProject(Path.of("/p/" + i));
        }
        assertEquals(
                WorkbenchPreferences.MAX_RECENT, preferences.recentProjects().size());
        assertEquals(Path.of("/p/11"), preferences.recentProjects().get(0));
    }

    @Test
    void damagedValuesFallBackToDefaults() throws Exception {
        Files.writeString(state.resolve(WorkbenchPreferences.FILE_NAME), "window.bounds=a,b\nsash.main=0,5\n");
        WorkbenchPreferences preferences = WorkbenchPreferences.load(state);
        assertTrue(preferences.windowBounds().isEmpty());
        assertArrayEquals(new int[] {1, 2}, preferences.sashWeights("main", 1, 2));
    }
}
