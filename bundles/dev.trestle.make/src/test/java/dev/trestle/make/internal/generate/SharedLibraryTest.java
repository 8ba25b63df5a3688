package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.fixtures.ZlibSource;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.internal.deps.ScannerImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * zlib as the shared library it is, {@code libz.so.1.2.13} with the soname {@code libz.so.1} and the links an
 * installation has, built by the generated makefile and by Ninja; a program links it by {@code libz.so} and then
 * needs {@code libz.so.1}; {@code clean} removes the links themselves, never what they point to.
 */
class SharedLibraryTest {
    private static final String DESCRIPTION = """
            project = zlib
            [shared-library z]
            sources = *.c
            exclude = example.c minigzip.c
            define = HAVE_UNISTD_H HAVE_STDARG_H
            version = 1.2.13
            [program example]
            sources = test/example.c
            include = .
            define = HAVE_UNISTD_H HAVE_STDARG_H
            libs = z
            """;

    @TempDir
    Path temp;

    private final GeneratorImpl generator = new GeneratorImpl(new ScannerImpl());

    @BeforeAll
    static void needsToolchain() {
        Gcc.assumeAvailable();
    }

    private Path zlib() throws IOException {
        Path root = temp.resolve("zlib");
        Trees.copy(ZlibSource.tree(), root);
        Files.writeString(DescriptionFormat.fileOf(root), DESCRIPTION);
        return root;
    }

    private static BuildDescription description(Path root) throws IOException {
        return DescriptionFormat.read(DescriptionFormat.fileOf(root));
    }

    private Gcc.Result run(List<String> command) throws IOException {
        return Gcc.run(Files.createDirectories(temp.resolve("elsewhere")), command);
    }

    /** The soname, the links, and a program that needs the soname and runs, finding the library by its run path. */
    private void checkLibrary(Path buildDir) throws IOException {
        Path lib = buildDir.resolve("lib");
        assertTrue(Files.isRegularFile(lib.resolve("libz.so.1.2.13"), LinkOption.NOFOLLOW_LINKS));
        assertEquals(Path.of("libz.so.1.2.13"), Files.readSymbolicLink(lib.resolve("libz.so.1")));
        assertEquals(Path.of("libz.so.1"), Files.readSymbolicLink(lib.resolve("libz.so")));
        Gcc.Result library =
                run(List.of("readelf", "-d", lib.resolve("libz.so.1.2.13").toString()));
        assertTrue(library.output().contains("Library soname: [libz.so.1]"), library.output());
        Path example = buildDir.resolve("bin/example");
        Gcc.Result program = run(List.of("readelf", "-d", example.toString()));
        assertTrue(program.output().contains("Shared library: [libz.so.1]"), program.output());
        assertTrue(program.output().contains("[$ORIGIN/../lib]"), "a run path beside the program: " + program.output());
        // no LD_LIBRARY_PATH: the program finds the library through its run path, as a user runs it
        List<String> runExample = new ArrayList<>(List.of("env", "-u", "LD_LIBRARY_PATH", example.toString()));
        runExample.add(temp.resolve("example.gz").toString());
        Gcc.Result ran = run(runExample);
        assertEquals(0, ran.exit(), ran.output());
        assertTrue(ran.output().contains("zlib version 1.2.13"), ran.output());
    }

    @Test
    void theMakefileBuildsTheVersionedLibraryWithItsSonameAndLinksAndCleansLinksAsLinks() throws IOException {
        assumeTrue(run(List.of("readelf", "--version")).exit() == 0, "readelf (binutils) is not installed");
        Path root = zlib();
        Path makefile = generator.generate(root, description(root), "linux-gcc");
        Path buildDir = makefile.getParent();
        Gcc.Result build = run(List.of("make", "-j2", "-f", makefile.toString()));
        assertEquals(0, build.exit(), build.output());
        checkLibrary(buildDir);
        Gcc.Result again = run(List.of("make", "-j2", "-f", makefile.toString()));
        assertTrue(again.output().contains("Nothing to be done"), "the links are up to date: " + again.output());

        Files.delete(buildDir.resolve("lib/libz.so.1"));
        Gcc.Result relinked = run(List.of("make", "-f", makefile.toString()));
        assertEquals(0, relinked.exit(), relinked.output());
        assertTrue(Files.isSymbolicLink(buildDir.resolve("lib/libz.so.1")), "a missing link is made again");
        assertFalse(relinked.output().contains("-shared"), "without linking the library again");

        // a link swapped for one into the sources: clean removes the link, and the source stays
        Path source = root.resolve("zlib.h");
        String header = Files.readString(source);
        Files.delete(buildDir.resolve("lib/libz.so"));
        Files.createSymbolicLink(buildDir.resolve("lib/libz.so"), source);
        Gcc.Result clean = run(List.of("make", "-f", makefile.toString(), "clean"));
        assertEquals(0, clean.exit(), clean.output());
        for (String gone : List.of("lib/libz.so", "lib/libz.so.1", "lib/libz.so.1.2.13")) {
            assertFalse(Files.exists(buildDir.resolve(gone), LinkOption.NOFOLLOW_LINKS), gone + " is removed");
        }
        assertEquals(header, Files.readString(source), "what the link pointed to is untouched");
    }

    @Test
    void ninjaBuildsTheSameLibraryAndLinks() throws IOException {
        assumeTrue(run(List.of("ninja", "--version")).exit() == 0, "ninja is not installed");
        assumeTrue(run(List.of("readelf", "--version")).exit() == 0, "readelf (binutils) is not installed");
        Path root = zlib();
        Path manifest = generator.generate(root, description(root), "linux-gcc", Backend.NINJA);
        Gcc.Result build =
                run(List.of("ninja", "-j2", "-C", manifest.getParent().toString()));
        assertEquals(0, build.exit(), build.output());
        checkLibrary(manifest.getParent());
        Gcc.Result again = run(List.of("ninja", "-C", manifest.getParent().toString()));
        assertTrue(again.output().contains("no work to do"), again.output());
    }

    @Test
    void theVersionChangesNothingOnTheOtherPlatforms() throws IOException {
        Path root = zlib();
        Path makefile = generator.generate(root, description(root), "mingw64");
        String text = Files.readString(makefile);
        assertTrue(text.contains("$(BUILD_DIR)/bin/libz.dll $(BUILD_DIR)/lib/libz.dll.a &:"), "a DLL as before");
        assertFalse(text.contains("ln -s"), "no links on Windows");
        String macos = Files.readString(generator.generate(root, description(root), "macos-clang"));
        assertTrue(macos.contains("-install_name @rpath/libz.dylib"), macos);
    }
}
