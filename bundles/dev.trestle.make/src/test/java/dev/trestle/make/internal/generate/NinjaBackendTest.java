package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.Proposer;
import dev.trestle.make.fixtures.DescriptionsForTests;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.LuaSource;
import dev.trestle.make.fixtures.Projects;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.internal.deps.ScannerImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates build.ninja for real trees and runs Ninja on them. */
class NinjaBackendTest {
    @TempDir
    Path temp;

    private final GeneratorImpl generator = new GeneratorImpl(new ScannerImpl());

    @BeforeAll
    static void needsToolchain() throws IOException {
        Gcc.assumeAvailable();
        assumeTrue(Gcc.run(Path.of("."), List.of("ninja", "--version")).exit() == 0, "ninja is not installed");
    }

    /** Ninja from another directory, with {@code -C}, as a user would run it. */
    private Gcc.Result ninja(Path buildDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("ninja", "-j2", "-C", buildDir.toString()));
        command.addAll(List.of(args));
        return Gcc.run(Files.createDirectories(temp.resolve("elsewhere")), command);
    }

    private void buildTouchClean(Path root, BuildDescription description, String header, List<String> runCheck)
            throws IOException {
        Map<String, String> before = Trees.digest(root);
        Path file = generator.generate(root, description, "linux-gcc", Backend.NINJA);
        assertEquals(root.resolve("build/linux-gcc/build.ninja"), file);
        Path buildDir = file.getParent();
        Gcc.Result build = ninja(buildDir);
        assertEquals(0, build.exit(), build.output());
        Gcc.Result run = Gcc.run(root, runCheck.subList(0, runCheck.size() - 1));
        assertEquals(runCheck.get(runCheck.size() - 1), run.output(), "the program runs");
        Gcc.Result noop = ninja(buildDir, "-n");
        assertTrue(noop.output().contains("no work to do"), "a second ninja does nothing: " + noop.output());

        Map<String, FileTime> built = GeneratedMakefileTest.objects(buildDir);
        Path touched = root.resolve(header);
        Files.setLastModifiedTime(touched, FileTime.fromMillis(System.currentTimeMillis() + 3000));
        Gcc.Result rebuild = ninja(buildDir);
        assertEquals(0, rebuild.exit(), rebuild.output());
        Set<String> rebuilt = new TreeSet<>();
        GeneratedMakefileTest.objects(buildDir).forEach((o, t) -> {
            if (!t.equals(built.get(o))) {
                rebuilt.add(o);
            }
        });
        assertEquals(
                GeneratedMakefileTest.dependentsPerGcc(root, description, touched),
                rebuilt,
                "rebuilt after touching " + header);
        System.out.printf(
                "[ninja] %s: %d objects, touching %s rebuilt %d%n",
                root.getFileName(), built.size(), header, rebuilt.size());

        Gcc.Result clean = ninja(buildDir, "-t", "clean");
        assertEquals(0, clean.exit(), clean.output());
        Map<String, String> after = Trees.digest(root);
        after.keySet().removeIf(k -> k.equals("build") || k.startsWith("build/"));
        before.keySet().removeIf(k -> k.equals("build") || k.startsWith("build/"));
        assertEquals(before, after, "the source tree is byte-identical after ninja -t clean");
        try (var left = Files.walk(buildDir)) {
            assertEquals(
                    List.of(".ninja_deps", ".ninja_log", ".trestle-build-dir", "build.ninja", "compile_commands.json"),
                    left.filter(Files::isRegularFile)
                            .map(p -> buildDir.relativize(p).toString())
                            .sorted()
                            .toList(),
                    "no build output left");
        }
    }

    @Test
    void demoProjectBuildsRunsIsANoOpAfterwardsAndRebuildsExactly() throws IOException {
        Path root = temp.resolve("demo");
        Trees.copy(Projects.demo().root(), root);
        Files.writeString(root.resolve("src/main.o"), "committed asset with an output's name");
        buildTouchClean(
                root,
                Proposer.propose(root),
                "lib/text/counter.h",
                List.of(root.resolve("build/linux-gcc/bin/main").toString(), "--version", "wordfreq 1.0\n"));
    }

    @Test
    void luaBuildsRunsIsANoOpAfterwardsAndRebuildsExactly() throws IOException {
        Path root = temp.resolve("lua");
        Trees.copy(LuaSource.tree(), root);
        Files.writeString(
                root.resolve("src/lua5.4-deb-multiarch.h"), "#define DEB_HOST_MULTIARCH \"x86_64-linux-gnu\"\n");
        BuildDescription description = DescriptionsForTests.refine(
                Proposer.propose(root),
                List.of("LUA_COMPAT_5_3", "LUA_USE_LINUX"),
                List.of("-Wl,-E"),
                List.of("m", "dl"));
        buildTouchClean(
                root,
                description,
                "src/lstring.h",
                List.of(root.resolve("build/linux-gcc/bin/lua").toString(), "-e", "print(1+1)", "2\n"));
    }
}
