package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.CommandSpec;
import dev.trestle.make.description.Globs;
import dev.trestle.make.description.Proposer;
import dev.trestle.make.description.TargetSpec;
import dev.trestle.make.fixtures.DescriptionsForTests;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.LuaSource;
import dev.trestle.make.fixtures.Projects;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.generate.GenerationException;
import dev.trestle.make.internal.deps.ScannerImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generates makefiles for real trees and runs GNU make on them. */
class GeneratedMakefileTest {
    @TempDir
    Path temp;

    private final GeneratorImpl generator = new GeneratorImpl(new ScannerImpl());

    @BeforeAll
    static void needsToolchain() {
        Gcc.assumeAvailable();
    }

    private Gcc.Result make(Path makefile, String... args) throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        List<String> command = new ArrayList<>(List.of("make", "-j2", "-f", makefile.toString()));
        command.addAll(List.of(args));
        return Gcc.run(elsewhere, command);
    }

    static Map<String, FileTime> objects(Path buildDir) throws IOException {
        Map<String, FileTime> times = new TreeMap<>();
        try (var files = Files.walk(buildDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".o")).toList()) {
                times.put(buildDir.relativize(f).toString(), Files.getLastModifiedTime(f));
            }
        }
        return times;
    }

    /** Builds, touches {@code header}, rebuilds and checks exactly gcc's dependents were recompiled, then cleans. */
    private void buildTouchClean(Path root, BuildDescription description, String header, Runnable checkRun)
            throws IOException {
        Map<String, String> before = Trees.digest(root);
        Path makefile = generator.generate(root, description, "linux-gcc");
        String text = Files.readString(makefile);
        assertFalse(text.contains("cd ") || text.contains("$(MAKE)"), "no cd, no recursive make");
        Gcc.Result build = make(makefile);
        assertEquals(0, build.exit(), build.output());
        checkRun.run();
        Gcc.Result second = make(makefile);
        assertTrue(second.output().contains("Nothing to be done"), "a second make does nothing: " + second.output());

        Path buildDir = makefile.getParent();
        Map<String, FileTime> built = objects(buildDir);
        Path touched = root.resolve(header);
        Files.setLastModifiedTime(touched, FileTime.fromMillis(System.currentTimeMillis() + 3000));
        Gcc.Result rebuild = make(makefile);
        assertEquals(0, rebuild.exit(), rebuild.output());
        Set<String> rebuilt = new TreeSet<>();
        objects(buildDir).forEach((o, t) -> {
            if (!t.equals(built.get(o))) {
                rebuilt.add(o);
            }
        });
        assertEquals(dependentsPerGcc(root, description, touched), rebuilt, "rebuilt after touching " + header);
        System.out.printf(
                "[make] %s: %d objects, touching %s rebuilt %d%n",
                root.getFileName(), built.size(), header, rebuilt.size());

        Gcc.Result clean = make(makefile, "clean");
        assertEquals(0, clean.exit(), clean.output());
        Map<String, String> after = Trees.digest(root);
        after.keySet().removeIf(k -> k.equals("build") || k.startsWith("build/"));
        before.keySet().removeIf(k -> k.equals("build") || k.startsWith("build/"));
        assertEquals(before, after, "the source tree is byte-identical after clean");
        try (var left = Files.walk(buildDir)) {
            assertEquals(
                    List.of("", ".trestle-build-dir", "Makefile", "compile_commands.json"),
                    left.map(p -> buildDir.relativize(p).toString()).sorted().toList(),
                    "no build output left");
        }
    }

    /** Objects whose unit's gcc -MM closure, with the target's flags, contains {@code header}. */
    static Set<String> dependentsPerGcc(Path root, BuildDescription description, Path header) throws IOException {
        Set<String> expected = new TreeSet<>();
        for (TargetSpec target : description.targets()) {
            List<String> flags = new ArrayList<>();
            target.includeDirs().forEach(d -> flags.add("-I" + root.resolve(d)));
            target.defines().forEach(d -> flags.add("-D" + d));
            for (String source : Globs.expand(root, target)) {
                if (source.endsWith(".c")
                        && Gcc.userHeaders(root.resolve(source), flags).contains(header)) {
                    expected.add("obj/" + target.name() + "/" + source.substring(0, source.length() - 2) + ".o");
                }
            }
        }
        return expected;
    }

    private Path demoCopy() throws IOException {
        Path root = temp.resolve("demo");
        Trees.copy(Projects.demo().root(), root);
        // source assets whose names look like build outputs: clean must not touch them
        Files.writeString(root.resolve("foo.o"), "not an object");
        Files.writeString(root.resolve("src/main.o"), "committed asset");
        return root;
    }

    @Test
    void demoProjectBuildsRunsRebuildsExactlyAndCleansOnlyOutputs() throws IOException {
        Path root = demoCopy();
        BuildDescription description = Proposer.propose(root);
        buildTouchClean(root, description, "lib/text/counter.h", () -> {
            try {
                Path bin = root.resolve("build/linux-gcc/bin");
                Gcc.Result version = Gcc.run(root, List.of(bin.resolve("main").toString(), "--version"));
                assertEquals("wordfreq 1.0\n", version.output());
                Gcc.Result test =
                        Gcc.run(root, List.of(bin.resolve("test_counter").toString()));
                assertEquals(0, test.exit(), test.output());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void changingATargetsFlagsRebuildsExactlyItsObjects() throws IOException {
        Path root = demoCopy();
        BuildDescription description = Proposer.propose(root);
        Path makefile = generator.generate(root, description, "linux-gcc");
        assertEquals(0, make(makefile).exit());
        Map<String, FileTime> built = objects(makefile.getParent());
        generator.generate(
                root, DescriptionsForTests.withFlags(description, "test_counter", List.of("-DEXTRA=1")), "linux-gcc");
        Gcc.Result again = make(makefile);
        assertEquals(0, again.exit(), again.output());
        Set<String> rebuilt = new TreeSet<>();
        objects(makefile.getParent()).forEach((o, t) -> {
            if (!t.equals(built.get(o))) {
                rebuilt.add(o);
            }
        });
        assertEquals(Set.of("obj/test_counter/tests/test_counter.o"), rebuilt);
    }

    @Test
    void cleanRefusesAnEmptyRootSourceOrUnmarkedBuildDirectory() throws IOException {
        Path root = demoCopy();
        Path makefile = generator.generate(root, Proposer.propose(root), "linux-gcc");
        assertEquals(0, make(makefile).exit());
        Map<String, String> before = Trees.digest(root);
        for (String override : List.of(
                "BUILD_DIR=",
                "BUILD_DIR=/",
                "BUILD_DIR=//",
                "BUILD_DIR=" + root,
                "BUILD_DIR=" + root + "/src",
                "BUILD_DIR=" + temp,
                "BUILD_DIR=a b")) {
            Gcc.Result refused = make(makefile, "clean", override);
            assertNotEquals(0, refused.exit(), override + ": " + refused.output());
            assertTrue(refused.output().contains("refusing to clean"), override + ": " + refused.output());
        }
        assertEquals(before, Trees.digest(root), "nothing was removed by a refused clean");
        Files.delete(makefile.getParent().resolve(".trestle-build-dir"));
        before = Trees.digest(root);
        assertTrue(make(makefile, "clean").output().contains("refusing to clean"));
        assertEquals(before, Trees.digest(root), "nothing was removed without the marker");
    }

    @Test
    void aMakefileTrestleDidNotWriteIsNeverOverwritten() throws IOException {
        Path root = demoCopy();
        Path foreign = Files.createDirectories(root.resolve("build/linux-gcc")).resolve("Makefile");
        Files.writeString(foreign, "all:\n\techo mine\n");
        GenerationException e = assertThrows(
                GenerationException.class, () -> generator.generate(root, Proposer.propose(root), "linux-gcc"));
        assertTrue(e.getMessage().contains(foreign.toString()), e.getMessage());
        assertEquals("all:\n\techo mine\n", Files.readString(foreign));
    }

    @Test
    void aSourceNameMakeCannotHoldIsRefusedByName() throws IOException {
        Path root = demoCopy();
        Files.writeString(root.resolve("lib/text/odd name.c"), "int odd(void) { return 1; }\n");
        GenerationException e = assertThrows(
                GenerationException.class, () -> generator.generate(root, Proposer.propose(root), "linux-gcc"));
        assertTrue(e.getMessage().contains("lib/text/odd name.c"), e.getMessage());
    }

    @Test
    void luaBuildsFromCleanRunsAScriptRebuildsExactlyAndCleansOnlyOutputs() throws IOException {
        Path root = temp.resolve("lua");
        Trees.copy(LuaSource.tree(), root);
        BuildDescription refined = DescriptionsForTests.refine(
                Proposer.propose(root),
                List.of("LUA_COMPAT_5_3", "LUA_USE_LINUX"),
                List.of("-Wl,-E"),
                List.of("m", "dl"));
        // Debian's build writes this header; here a custom command does, as a user would describe it
        BuildDescription description = new BuildDescription(
                refined.project(),
                refined.platforms(),
                refined.targets(),
                List.of(new CommandSpec(
                        "deb-multiarch",
                        List.of("lua5.4-deb-multiarch.h"),
                        List.of(),
                        List.of("printf", "#define DEB_HOST_MULTIARCH \"%s\"\\n", "x86_64-linux-gnu", ">", "{out}"))));
        buildTouchClean(root, description, "src/lstring.h", () -> {
            try {
                Path lua = root.resolve("build/linux-gcc/bin/lua");
                Gcc.Result run = Gcc.run(root, List.of(lua.toString(), "-e", "print(1+1)"));
                assertEquals("2\n", run.output());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }
}
