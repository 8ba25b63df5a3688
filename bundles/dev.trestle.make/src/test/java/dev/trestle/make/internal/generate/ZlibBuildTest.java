package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.description.Globs;
import dev.trestle.make.description.TargetSpec;
import dev.trestle.make.fixtures.DescriptionsForTests;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.fixtures.ZlibSource;
import dev.trestle.make.internal.MakeCommands;
import dev.trestle.make.internal.deps.ScannerImpl;
import dev.trestle.model.TargetKind;
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

/**
 * zlib, as Debian ships it, built the way a user would: {@code make init} and {@code make generate}, then GNU make
 * from another directory. Its own test programs must pass, rebuilds must be exactly what gcc's dependencies and the
 * changed compile commands call for, and {@code clean} must leave the unpacked tree as it was.
 */
class ZlibBuildTest {
    @TempDir
    Path temp;

    private final ScannerImpl scanner = new ScannerImpl();
    private final MakeCommands commands = new MakeCommands(scanner, new GeneratorImpl(scanner));

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

    @Test
    void zlibBuildsFromCleanPassesItsTestsRebuildsExactlyAndCleansOnlyOutputs() throws IOException {
        Path root = temp.resolve("zlib");
        Trees.copy(ZlibSource.tree(), root);
        Map<String, String> unpacked = Trees.digest(root);
        // contrib/ and examples/ are other projects with their own builds; the flags are those zlib's configure
        // writes into zconf.h on Linux
        commands.init(
                root.toString(),
                "--exclude",
                "contrib/**",
                "--exclude",
                "examples/**",
                "--define",
                "HAVE_UNISTD_H",
                "--define",
                "HAVE_STDARG_H");
        BuildDescription description = DescriptionFormat.read(DescriptionFormat.fileOf(root));
        assertEquals(
                List.of("zlib", "example", "infcover", "minigzip"),
                description.targets().stream().map(TargetSpec::name).toList(),
                "one library and zlib's three test programs");
        assertTrue(commands.generate(root.toString()).endsWith("build/linux-gcc/Makefile"));
        Path makefile = root.resolve("build/linux-gcc/Makefile");
        String text = Files.readString(makefile);
        assertFalse(text.contains("cd ") || text.contains("$(MAKE)"), "no cd, no recursive make");

        Gcc.Result build = make(makefile);
        assertEquals(0, build.exit(), build.output());
        Path bin = makefile.getParent().resolve("bin");
        runsZlibsTests(bin);
        Gcc.Result second = make(makefile);
        assertTrue(second.output().contains("Nothing to be done"), "a second make does nothing: " + second.output());

        Path buildDir = makefile.getParent();
        for (String header : List.of("gzguts.h", "inftrees.h")) {
            Map<String, FileTime> built = GeneratedMakefileTest.objects(buildDir);
            Path touched = root.resolve(header);
            FileTime unpackedTime = Files.getLastModifiedTime(touched);
            Files.setLastModifiedTime(touched, FileTime.fromMillis(System.currentTimeMillis() + 3000));
            Gcc.Result rebuild = make(makefile);
            assertEquals(0, rebuild.exit(), rebuild.output());
            // back in the past, so the next round rebuilds for its own header only
            Files.setLastModifiedTime(touched, unpackedTime);
            Set<String> rebuilt = changed(built, GeneratedMakefileTest.objects(buildDir));
            Set<String> expected = GeneratedMakefileTest.dependentsPerGcc(root, description, touched);
            assertFalse(expected.isEmpty(), header + " is included somewhere");
            assertEquals(expected, rebuilt, "rebuilt after touching " + header);
            System.out.printf(
                    "[make] zlib: %d objects, touching %s rebuilt %d%n", built.size(), header, rebuilt.size());
        }

        // a define of the library changes the compile command of its units only: exactly they recompile
        Map<String, FileTime> built = GeneratedMakefileTest.objects(buildDir);
        BuildDescription largeFiles =
                DescriptionsForTests.withDefines(description, "zlib", List.of("_LARGEFILE64_SOURCE=1"));
        DescriptionFormat.save(DescriptionFormat.fileOf(root), largeFiles);
        commands.generate(root.toString());
        Gcc.Result redefined = make(makefile);
        assertEquals(0, redefined.exit(), redefined.output());
        Set<String> expected = new TreeSet<>();
        TargetSpec library = largeFiles.target("zlib").orElseThrow();
        for (String source : Globs.expand(root, library)) {
            if (source.endsWith(".c")) {
                expected.add("obj/zlib/" + source.substring(0, source.length() - 2) + ".o");
            }
        }
        assertEquals(expected, changed(built, GeneratedMakefileTest.objects(buildDir)), "rebuilt after a define");
        runsZlibsTests(bin);

        Gcc.Result clean = make(makefile, "clean");
        assertEquals(0, clean.exit(), clean.output());
        Map<String, String> after = Trees.digest(root);
        after.keySet().removeIf(k -> k.equals("build") || k.startsWith("build/"));
        assertTrue(after.remove(DescriptionFormat.FILE_NAME) != null, "the description stays");
        assertEquals(unpacked, after, "every file of the unpacked tree is byte-identical after clean");
        try (var left = Files.walk(buildDir)) {
            assertEquals(
                    List.of("", ".trestle-build-dir", "Makefile", "compile_commands.json"),
                    left.map(p -> buildDir.relativize(p).toString()).sorted().toList(),
                    "no build output left");
        }
        System.out.printf(
                "[make] zlib: clean left the %d files and directories of the tree as unpacked%n", unpacked.size());
    }

    /** example and infcover exit 0; minigzip's output is gzip's format (gunzip reads it) and it reads its own. */
    private void runsZlibsTests(Path bin) throws IOException {
        Path work = Files.createDirectories(temp.resolve("run"));
        Gcc.Result example = Gcc.run(work, List.of(bin.resolve("example").toString()));
        assertEquals(0, example.exit(), example.output());
        assertTrue(example.output().contains("inflate(): hello, hello!"), example.output());
        Gcc.Result infcover = Gcc.run(work, List.of(bin.resolve("infcover").toString()));
        assertEquals(0, infcover.exit(), infcover.output());

        byte[] original = Files.readAllBytes(bin.getParent().resolve("Makefile"));
        Path data = work.resolve("data");
        Files.write(data, original);
        assertEquals(
                0,
                Gcc.run(work, List.of(bin.resolve("minigzip").toString(), "data"))
                        .exit());
        assertFalse(Files.exists(data), "minigzip replaced data with data.gz");
        Gcc.Result gunzip = Gcc.run(work, List.of("gzip", "-t", "data.gz"));
        assertEquals(0, gunzip.exit(), "gzip accepts minigzip's output: " + gunzip.output());
        assertEquals(
                0,
                Gcc.run(work, List.of(bin.resolve("minigzip").toString(), "-d", "data.gz"))
                        .exit());
        assertArrayEquals(original, Files.readAllBytes(data), "minigzip -d restores the file");
        Files.delete(data);
    }

    private static Set<String> changed(Map<String, FileTime> before, Map<String, FileTime> after) {
        Set<String> changed = new TreeSet<>();
        after.forEach((o, t) -> {
            if (!t.equals(before.get(o))) {
                changed.add(o);
            }
        });
        return changed;
    }

    @Test
    void initProposesTheLibraryWithExclusionsAndDefinesOnEveryTarget() throws IOException {
        Path root = temp.resolve("zlib");
        Trees.copy(ZlibSource.tree(), root);
        commands.init(root.toString(), "--exclude", "contrib/**", "--define", "NO_GZIP");
        BuildDescription description = DescriptionFormat.read(DescriptionFormat.fileOf(root));
        for (TargetSpec target : description.targets()) {
            assertEquals(List.of("NO_GZIP"), target.defines(), target.name());
            assertTrue(Globs.expand(root, target).stream().noneMatch(f -> f.startsWith("contrib/")), target.name());
        }
        TargetSpec library = description.targets().get(0);
        assertEquals(TargetKind.STATIC_LIBRARY, library.kind());
        assertTrue(description.target("gzjoin").isPresent(), "examples/ was not excluded this time");
    }
}
