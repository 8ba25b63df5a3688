package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateDirectoryTest {
    @Test
    void propertyWinsOverXdg() {
        Map<String, String> properties = Map.of(StateDirectory.PROPERTY, "/srv/state");
        Map<String, String> environment = Map.of("XDG_STATE_HOME", "/home/u/.state");
        assertEquals(Path.of("/srv/state"), StateDirectory.resolve(properties::get, environment::get));
    }

    @Test
    void xdgStateHomeHoldsATrestleFolder() {
        Map<String, String> environment = Map.of("XDG_STATE_HOME", "/home/u/.state");
        assertEquals(Path.of("/home/u/.state/trestle"), StateDirectory.resolve(key -> null, environment::get));
    }

    @Test
    void relativeXdgStateHomeIsIgnoredAsTheSpecSays() {
        Map<String, String> environment = Map.of("XDG_STATE_HOME", "relative/state");
        assertEquals(
                Path.of(System.getProperty("user.home"), ".local/state/trestle"),
                StateDirectory.resolve(key -> null, environment::get));
    }
}
