package dev.trestle.workbench.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    @Test
    void openTakesAFileAndALineAndFindsTheProjectAboveIt(@TempDir Path temp) throws Exception {
        Path project = temp.resolve("p");
        Files.createDirectories(project.resolve("src"));
        Files.writeString(project.resolve("trestle-build.txt"), "");
        Path file = Files.writeString(project.resolve("src/main.c"), "int main;\n");
        LaunchOptions options = LaunchOptions.parse(new String[] {"--open", file + ":7"}, key -> null);
        assertEquals(Optional.of(file), options.openFile());
        assertEquals(7, options.openLine());
        assertEquals(Optional.of(project), options.projectDirectory());
        assertTrue(options.usageError().isEmpty());
    }

    @Test
    void openWithoutALineAndAnExplicitDirectory(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("a:1.c"), "x\n");
        LaunchOptions options = LaunchOptions.parse(new String[] {temp.toString(), "--open=" + file}, key -> null);
        assertEquals(Optional.of(file), options.openFile(), "a colon in the name is part of an existing file");
        assertEquals(0, options.openLine());
        assertEquals(Optional.of(temp), options.projectDirectory());
    }

    @Test
    void fileWithoutAProjectMarkerOpensItsOwnDirectory(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(Files.createDirectories(temp.resolve("d")).resolve("x.c"), "");
        assertEquals(temp.resolve("d"), LaunchOptions.projectOf(file));
    }

    @Test
    void missingFileOrBadLineIsAUsageError(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("x.c"), "");
        for (String bad : new String[] {temp.resolve("nope.c") + ":3", file + ":0", file + ":-2", file + ":abc"}) {
            LaunchOptions options = LaunchOptions.parse(new String[] {"--open", bad}, key -> null);
            assertTrue(options.usageError().isPresent(), bad);
            assertFalse(options.usageError().get().contains("\n"), "one line");
        }
        assertTrue(LaunchOptions.parse(new String[] {"--open"}, key -> null)
                .usageError()
                .isPresent());
    }
}
