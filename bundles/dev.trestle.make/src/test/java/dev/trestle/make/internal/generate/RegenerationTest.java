package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.internal.deps.ScannerImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build file runs the launcher's {@code make generate} when the description or the set of sources changed, and
 * only then. The launcher here is a stand-in that records its arguments and touches the build file, as a real
 * regeneration would; the product test runs the real one.
 */
class RegenerationTest {
    @TempDir
    Path temp;

    private Path root;
    private Path log;
    private GeneratorImpl generator;

    @BeforeAll
    static void needsToolchain() {
        Gcc.assumeAvailable();
    }

    @BeforeEach
    void project() throws IOException {
        root = Files.createDirectories(temp.resolve("project"));
        Files.createDirectories(root.resolve("src"));
        Files.createDirectories(root.resolve("docs"));
        Files.writeString(root.resolve("src/greet.h"), "int greet(void);\n");
        Files.writeString(root.resolve("src/greet.c"), "#include \"greet.h\"\nint greet(void) { return 1; }\n");
        Files.writeString(root.resolve("src/main.c"), "#include \"greet.h\"\nint main(void) { return greet() - 1; }\n");
        Files.writeString(root.resolve("docs/notes.c"), "this is not compiled\n");
        Files.writeString(DescriptionFormat.fileOf(root), """
                project = hello
                [program hello]
                sources = src/*.c
                """);
        log = temp.resolve("launcher.log");
        Path launcher = temp.resolve("launcher dir/trestle");
        Files.createDirectories(launcher.getParent());
        Files.writeString(launcher, """
                #!/bin/sh
                echo "$*" >> '%s'
                [ "$1 $2" = "make generate" ] || exit 2
                case "$7" in ninja) touch "$3/build/$5/build.ninja" ;; *) touch "$3/build/$5/Makefile" ;; esac
                """.formatted(log));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        generator = new GeneratorImpl(new ScannerImpl(), launcher.toString());
    }

    private BuildDescription description() throws IOException {
        return DescriptionFormat.read(DescriptionFormat.fileOf(root));
    }

    private Gcc.Result make(Path makefile, String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of("make", "-j2", "-C", makefile.getParent().toString()));
        command.addAll(List.of(args));
        return Gcc.run(Files.createDirectories(temp.resolve("elsewhere")), command);
    }

    private List<String> launches() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /**
     * Moves the build file's time a minute into the past and the description's two, so what the test changes next
     * is newer than the build file even on a coarse clock, and the description is not.
     */
    private void age(Path buildFile) throws IOException {
        Files.setLastModifiedTime(buildFile, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        Files.setLastModifiedTime(
                DescriptionFormat.fileOf(root), FileTime.fromMillis(System.currentTimeMillis() - 120_000));
    }

    @Test
    void aNewSourceOrAChangedDescriptionRegeneratesAndNothingElseDoes() throws IOException {
        Path makefile = generator.generate(root, description(), "linux-gcc");
        assertEquals(
                List.of("src/greet.c", "src/greet.h", "src/main.c"),
                Files.readAllLines(makefile.resolveSibling(Regeneration.RECORD)),
                "the record holds the watched directories' sources and headers, and nothing of docs/");
        Gcc.Result build = make(makefile);
        assertEquals(0, build.exit(), build.output());
        FileTime generated = Files.getLastModifiedTime(makefile);
        assertTrue(make(makefile).output().contains("Nothing to be done"));
        assertEquals(List.of(), launches(), "nothing changed: no regeneration");
        assertEquals(generated, Files.getLastModifiedTime(makefile), "and the makefile is untouched");

        // an editor's save through a temporary file changes the directory, not the set of sources
        age(makefile);
        Path temporary = Files.writeString(root.resolve("src/main.c.swp"), "int main(void) { return 0; }\n");
        Files.move(temporary, root.resolve("src/main.c"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(root.resolve("docs/another.c"), "nor this\n");
        Gcc.Result afterSave = make(makefile);
        assertEquals(0, afterSave.exit(), afterSave.output());
        assertEquals(List.of(), launches(), "the same sources: no regeneration");
        FileTime checked = Files.getLastModifiedTime(makefile);
        assertNotEquals(generated, checked, "the makefile is touched, so the next make does not check again");
        make(makefile);
        assertEquals(checked, Files.getLastModifiedTime(makefile));

        age(makefile);
        Files.writeString(root.resolve("src/extra.c"), "int extra(void) { return 2; }\n");
        Gcc.Result added = make(makefile);
        assertEquals(0, added.exit(), added.output());
        String expected = "make generate " + root + " --platform linux-gcc --backend make";
        assertEquals(List.of(expected), launches(), "a new source: regenerated");

        age(makefile);
        Files.writeString(DescriptionFormat.fileOf(root), "\n", java.nio.file.StandardOpenOption.APPEND);
        Gcc.Result clean = make(makefile, "clean");
        assertEquals(0, clean.exit(), clean.output());
        assertEquals(1, launches().size(), "clean cleans what the makefile as it is builds, without regenerating");
        make(makefile);
        assertEquals(List.of(expected, expected), launches(), "a changed description: regenerated");
    }

    @Test
    void aDeletedSourceDirectoryRegenerates() throws IOException {
        Files.writeString(root.resolve("src/sub.h"), "");
        Files.createDirectories(root.resolve("src/part"));
        Files.writeString(DescriptionFormat.fileOf(root), """
                project = hello
                [program hello]
                sources = src/**/*.c
                """);
        Files.writeString(root.resolve("src/part/more.c"), "int more(void) { return 3; }\n");
        Path makefile = generator.generate(root, description(), "linux-gcc");
        assertTrue(Files.readString(makefile).contains("$(SRC)/src/part"), "a directory a ** glob reaches");
        assertFalse(Files.readString(makefile).contains("$(SRC)/docs"), "and none it does not");
        Files.delete(root.resolve("src/part/more.c"));
        Files.delete(root.resolve("src/part"));
        age(makefile);
        Gcc.Result build = make(makefile);
        assertEquals(1, launches().size(), build.output());
    }

    @Test
    void ninjaRegeneratesOnANewSourceAndOnlyThen() throws IOException {
        assumeTrue(Gcc.run(temp, List.of("ninja", "--version")).exit() == 0, "ninja is not installed");
        Path manifest = generator.generate(root, description(), "linux-gcc", Backend.NINJA);
        List<String> ninja = List.of("ninja", "-C", manifest.getParent().toString());
        Gcc.Result build = Gcc.run(temp, ninja);
        assertEquals(0, build.exit(), build.output());
        assertTrue(Gcc.run(temp, ninja).output().contains("no work to do"));
        assertEquals(List.of(), launches());

        age(manifest);
        Files.writeString(root.resolve("src/main.c.new"), "int main(void) { return 0; }\n");
        Files.move(
                root.resolve("src/main.c.new"),
                root.resolve("src/main.c"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Gcc.Result saved = Gcc.run(temp, ninja);
        assertEquals(0, saved.exit(), saved.output());
        assertEquals(List.of(), launches(), "the same sources: no regeneration");

        age(manifest);
        Files.writeString(root.resolve("src/extra.h"), "\n");
        Gcc.Result added = Gcc.run(temp, ninja);
        assertEquals(0, added.exit(), added.output());
        assertEquals(List.of("make generate " + root + " --platform linux-gcc --backend ninja"), launches());
    }
}
