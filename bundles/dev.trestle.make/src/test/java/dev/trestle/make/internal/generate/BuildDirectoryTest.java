package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.make.clean.CleanReport;
import dev.trestle.make.clean.SafeClean;
import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.Globs;
import dev.trestle.make.description.Proposer;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.Projects;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.generate.GenerationException;
import dev.trestle.make.internal.deps.ScannerImpl;
import dev.trestle.model.store.ProjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code make generate --build-dir D}: the build files and every output in D, and the safe clean knowing it. */
class BuildDirectoryTest {
    @TempDir
    Path temp;

    private final GeneratorImpl generator = new GeneratorImpl(new ScannerImpl());

    @BeforeAll
    static void needsToolchain() {
        Gcc.assumeAvailable();
    }

    @Test
    void aChosenBuildDirectoryHoldsTheBuildAndItsCleanRemovesOnlyItsOutputs() throws Exception {
        Path root = temp.resolve("wordfreq");
        Trees.copy(Projects.demo().root(), root);
        ProjectStore.save(ProjectStore.create(root, "wordfreq"));
        Map<String, String> sources = Trees.digest(root);
        BuildDescription description = Proposer.propose(root);

        Path makefile = generator.generate(root, description, "linux-gcc", Backend.MAKE, Path.of("out/linux"));
        assertEquals(root.resolve("out/linux/Makefile"), makefile);
        assertTrue(Files.readString(makefile).contains("SRC := $(abspath $(dir $(TRESTLE_MAKEFILE))../..)"));
        Gcc.Result build = Gcc.run(
                Files.createDirectories(temp.resolve("elsewhere")), List.of("make", "-j2", "-f", makefile.toString()));
        assertEquals(0, build.exit(), build.output());
        assertFalse(Files.exists(root.resolve("build")), "nothing under build/");
        assertTrue(Globs.isBuildDirectory(root, root.resolve("out/linux")));
        assertFalse(
                Globs.files(root).stream().anyMatch(f -> f.startsWith("out/")),
                "a later generate never globs the chosen build directory's files as sources");

        CleanReport clean = new SafeClean(root, "linux-gcc", "out/linux").run(false);
        assertFalse(clean.removed().isEmpty());
        assertTrue(
                clean.removed().stream().allMatch(p -> p.startsWith("out/linux/")),
                clean.removed().toString());
        Map<String, String> after = Trees.digest(root);
        after.keySet().removeIf(p -> p.equals("out") || p.startsWith("out/") || p.equals("project.trestle"));
        sources.keySet().removeIf(p -> p.equals("project.trestle"));
        assertEquals(sources, after, "the sources are byte-identical after the clean");
        assertThrows(
                dev.trestle.make.clean.CleanRefused.class,
                () -> new SafeClean(root, "linux-gcc", "out").run(false),
                "a directory without the platform's marker is not cleaned");
    }

    @Test
    void theMakefileGeneratesItselfAgainIntoTheSameBuildDirectory() throws Exception {
        Path root = temp.resolve("wordfreq");
        Trees.copy(Projects.demo().root(), root);
        Path makefile = new GeneratorImpl(new ScannerImpl(), "/opt/trestle/trestle")
                .generate(root, Proposer.propose(root), "linux-gcc", Backend.MAKE, Path.of("out/linux"));
        String text = Files.readString(makefile);
        assertTrue(
                text.contains("make generate $(SRC) --platform linux-gcc --backend make --build-dir $(SRC)/out/linux"),
                text);
    }

    @Test
    void aBuildDirectoryOutsideTheProjectTheRootOrAForeignDirectoryIsRefused() throws Exception {
        Path root = temp.resolve("wordfreq");
        Trees.copy(Projects.demo().root(), root);
        BuildDescription description = Proposer.propose(root);
        for (String bad : List.of("..", ".", "../elsewhere", "/tmp", "src", "build")) {
            GenerationException refused = assertThrows(
                    GenerationException.class,
                    () -> generator.generate(root, description, "linux-gcc", Backend.MAKE, Path.of(bad)),
                    bad);
            assertTrue(refused.getMessage().contains("build directory"), refused.getMessage());
        }
        assertFalse(Files.exists(root.resolve("src/Makefile")), "nothing written into the sources");
    }
}
