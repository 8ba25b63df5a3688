package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {
    @Test
    void directoryArgumentAndPropertiesAreRead() {
        Map<String, String> properties = Map.of(
                LaunchOptions.SCREENSHOT, "/tmp/shot.png",
                LaunchOptions.AUTO_CLOSE, "2500");
        LaunchOptions options = LaunchOptions.parse(new String[] {"demo"}, properties::get);
        assertEquals(Optional.of(Path.of("demo").toAbsolutePath()), options.projectDirectory());
        assertEquals(Optional.of(Path.of("/tmp/shot.png")), options.screenshot());
        assertEquals(OptionalLong.of(2500), options.autoCloseMillis());
    }

    @Test
    void noArgumentsMeansNoDirectory() {
        LaunchOptions options = LaunchOptions.parse(new String[0], key -> null);
        assertTrue(options.projectDirectory().isEmpty());
        assertTrue(options.screenshot().isEmpty());
        assertTrue(options.autoCloseMillis().isEmpty());
    }

    @Test
    void autoCloseThatIsNotANumberIsIgnored() {
        Map<String, String> properties = Map.of(LaunchOptions.AUTO_CLOSE, "soon");
        assertTrue(LaunchOptions.parse(new String[0], properties::get)
                .autoCloseMillis()
                .isEmpty());
    }
}
