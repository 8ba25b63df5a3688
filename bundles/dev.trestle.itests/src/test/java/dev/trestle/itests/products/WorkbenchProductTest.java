package dev.trestle.itests.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.itests.products.TrestleProcess.Result;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** ./trestle opening the real workbench product in a window, checked from outside. */
@EnabledIfEnvironmentVariable(named = "DISPLAY", matches = ".+", disabledReason = "needs an X display (xvfb-run)")
class WorkbenchProductTest {
    private static final Path SCREENSHOTS = Path.of("target/screenshots").toAbsolutePath();

    @TempDir
    Path home;

    private TrestleProcess trestle;

    @BeforeEach
    void setUp() throws Exception {
        trestle = new TrestleProcess(home);
        Files.createDirectories(SCREENSHOTS);
    }

    @Test
    void withoutArgumentsTheWorkbenchOpensTheDemoProject() throws Exception {
        Path screenshot = SCREENSHOTS.resolve("workbench-product.png");
        Files.deleteIfExists(screenshot);
        Path report = home.resolve("check.txt");

        Result run = trestle.run(List.of(
                "-Dtrestle.workbench.screenshot=" + screenshot,
                "-Dtrestle.workbench.autoclose.ms=4000",
                "-Dtrestle.check.report=" + report));

        assertEquals(0, run.status(), run.toString());
        assertTrue(run.out().contains("TRESTLE_FIRST_WINDOW ms_since_jvm_start="), run.toString());
        assertTrue(
                Files.isRegularFile(home.resolve("data/trestle/demo-project/src/main.c")),
                "the demo project is copied to a writable place");
        String check = Files.readString(report);
        assertTrue(check.startsWith("healthy"), check);
        assertLooksLikeAWindow(screenshot);
    }

    @Test
    void workbenchOpensAGivenDirectory() throws Exception {
        Path project = trestle.demoCopy("my project");
        Path screenshot = SCREENSHOTS.resolve("workbench-directory.png");
        Files.deleteIfExists(screenshot);

        Result run = trestle.run(
                List.of("-Dtrestle.workbench.screenshot=" + screenshot, "-Dtrestle.workbench.autoclose.ms=3000"),
                "workbench",
                project.toString());

        assertEquals(0, run.status(), run.toString());
        assertLooksLikeAWindow(screenshot);
        assertTrue(
                Files.readString(home.resolve("state/trestle/workbench.properties"))
                        .contains("my project"),
                "the project is remembered among the recent ones");
    }

    @Test
    void workbenchRefusesWhatIsNotADirectory() throws Exception {
        Result run = trestle.run("workbench", home.resolve("missing").toString());

        assertEquals(2, run.status(), run.toString());
        assertEquals("trestle: not a directory: " + home.resolve("missing") + "\n", run.err());
    }

    private static void assertLooksLikeAWindow(Path png) throws Exception {
        assertTrue(Files.isRegularFile(png), "screenshot written: " + png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, image.getWidth() + "x" + image.getHeight());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, "a drawn window, not a blank image: " + colours.size() + " colours");
    }
}
