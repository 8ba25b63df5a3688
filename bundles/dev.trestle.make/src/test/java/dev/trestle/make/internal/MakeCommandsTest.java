package dev.trestle.make.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.Projects;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.internal.deps.ScannerImpl;
import dev.trestle.make.internal.generate.GeneratorImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MakeCommandsTest {
    @TempDir
    Path root;

    private final ScannerImpl scanner = new ScannerImpl();
    private final MakeCommands commands = new MakeCommands(scanner, new GeneratorImpl(scanner));

    @BeforeAll
    static void needsGcc() {
        Gcc.assumeAvailable();
    }

    @Test
    void initNeverOverwritesWithoutForceThenGenerateWritesTheMakefile() throws IOException {
        Trees.copy(Projects.demo().root(), root);
        assertTrue(commands.init(root.toString()).endsWith("trestle-build.txt: 3 targets"));
        Path description = root.resolve("trestle-build.txt");
        Files.writeString(description, Files.readString(description) + "# my edit\n");
        CommandFailure refused = assertThrows(CommandFailure.class, () -> commands.init(root.toString()));
        assertTrue(refused.getMessage().contains("--force"), refused.getMessage());
        assertTrue(Files.readString(description).contains("# my edit"));
        commands.init(root.toString(), "--force");
        assertTrue(commands.generate(root.toString(), "--platform", "linux-gcc").contains("build/linux-gcc/Makefile"));
        assertTrue(commands.generate(root.toString(), "--backend", "ninja", "--platform", "linux-gcc")
                .endsWith("build/linux-gcc/build.ninja"));
        assertTrue(Files.isRegularFile(root.resolve("build/linux-gcc/compile_commands.json")));
    }

    @Test
    void scanDepsAndIncludersTakeTheDefaultPlatformsOwnSettings() throws IOException {
        Files.createDirectories(root.resolve("posix"));
        Files.createDirectories(root.resolve("win"));
        Files.writeString(root.resolve("api.h"), "int api(void);\n");
        Files.writeString(root.resolve("main.c"), "int main(void) { return 0; }\n");
        Files.writeString(root.resolve("posix/io.c"), "#include \"api.h\"\nint api(void) { return 1; }\n");
        Files.writeString(root.resolve("win/io.c"), "#include \"api.h\"\nint api(void) { return 2; }\n");
        Files.writeString(root.resolve("trestle-build.txt"), """
                project = io
                [platform linux-gcc]
                os = linux
                compiler = gcc
                [program io]
                sources = main.c
                sources on linux-gcc = posix/*.c
                include on linux-gcc = .
                sources on mingw64 = win/*.c
                include on mingw64 = .
                """);
        assertTrue(commands.scan(root.toString()).startsWith("scanned 2 units"), "main.c and posix/io.c");
        assertTrue(commands.deps(root.toString(), "posix/io.c").startsWith("api.h\n"), "found through include on");
        String includers = commands.includers(root.toString(), "api.h");
        assertTrue(includers.startsWith("posix/io.c\n") && !includers.contains("win/"), includers);
    }

    @Test
    void scanCountsEveryUnitAndListsTheFilesItRead() throws IOException {
        Trees.copy(Projects.demo().root(), root);
        String out = commands.scan(root.toString(), "--list");
        assertTrue(out.contains("scanned 5 units in "), out);
        assertTrue(out.contains(root.resolve("lib/text/counter.h") + "\n"), out);
        assertTrue(out.contains(root.resolve("tests/test_counter.c") + "\n"), out);
    }

    @Test
    void initCountsOneTargetAsOne() throws IOException {
        Files.writeString(root.resolve("main.c"), "int main(void) { return 0; }\n");
        assertTrue(commands.init(root.toString()).endsWith("trestle-build.txt: 1 target"));
    }

    @Test
    void aScanShowsEachDistinctProblemOnceWithTheUnitsItRecursIn() throws IOException {
        Files.writeString(root.resolve("config.h"), "#include \"generated.h\"\n");
        Files.writeString(root.resolve("a.c"), "#include \"config.h\"\n#include <nowhere/net.h>\n");
        Files.writeString(root.resolve("b.c"), "#include \"config.h\"\n");
        Files.writeString(root.resolve("c.c"), "#include \"config.h\"\n");
        Files.writeString(root.resolve("trestle-build.txt"), """
                project = p
                [platform linux-gcc]
                os = linux
                compiler = gcc
                [program p]
                sources = *.c
                include = .
                """);

        String out = commands.scan(root.toString());

        assertEquals(
                List.of(
                        "      3 units  config.h:1: header not found: \"generated.h\"",
                        "      1 unit   a.c:2: header not found: <nowhere/net.h>"),
                out.lines().skip(1).toList(),
                out);
        assertTrue(out.startsWith("scanned 3 units in "), out);
        assertTrue(out.lines().findFirst().orElseThrow().endsWith(", 4 problems"), out);
    }

    @Test
    void aScanAgainReadsOnlyChangedFilesUnlessFresh() throws IOException {
        Trees.copy(Projects.demo().root(), root);
        String first = commands.scan(root.toString(), "--list");
        long files = first.lines().filter(l -> l.startsWith("/")).count();
        long read = scanner.reads();
        assertTrue(read >= files, read + " reads for " + files + " files");
        commands.scan(root.toString());
        assertEquals(read, scanner.reads(), "nothing changed: nothing read again");
        String fresh = commands.scan(root.toString(), "--fresh", "--list");
        assertEquals(first.replaceAll(" in [0-9.]+ s", ""), fresh.replaceAll(" in [0-9.]+ s", ""));
        assertEquals(2 * read, scanner.reads(), "--fresh read every file again");
        assertThrows(CommandFailure.class, () -> commands.scan(root.toString(), "--fresh", "--fresh"));
        assertThrows(CommandFailure.class, () -> commands.scan(root.toString(), "--stale"));
    }

    @Test
    void includersListEveryUnitThatReachesAHeaderWithTheChain() throws IOException {
        Trees.copy(Projects.demo().root(), root);
        commands.init(root.toString());
        String out = commands.includers(root.toString(), "lib/text/counter.h");
        List<String> units = out.lines().filter(l -> !l.startsWith(" ")).toList();
        assertEquals(
                List.of(
                        "lib/text/counter.c",
                        "src/main.c",
                        "tests/test_counter.c",
                        "3 translation units include lib/text/counter.h"),
                units,
                out);
        assertTrue(out.contains("src/main.c\n    src/main.c:4\n"), out);
        String options = commands.includers(root.toString(), "src/options.h");
        assertTrue(options.endsWith("2 translation units include src/options.h"), options);
        CommandFailure missing =
                assertThrows(CommandFailure.class, () -> commands.includers(root.toString(), "no/such.h"));
        assertEquals(2, missing.status());
    }

    @Test
    void depsShowsWhyEachHeaderIsThere() throws IOException {
        Trees.copy(Projects.demo().root(), root);
        // no description yet: the include paths are those 'make init' would propose
        String proposed = commands.deps(root.toString(), "src/main.c");
        commands.init(root.toString());
        String out = commands.deps(root.toString(), "src/main.c");
        assertEquals(out, proposed);
        assertFalse(out.contains("problem:"), out);
        // first reached through counter.h (main.c line 4), not main.c's own line 6
        assertTrue(
                out.contains("include/wordfreq/config.h\n    src/main.c:4 \"text/counter.h\"\n"
                        + "    lib/text/counter.h:5 \"wordfreq/config.h\"\n"),
                out);
        assertTrue(out.contains("system headers"), out);
    }

    @Test
    void badInputNamesTheArgumentOrFile() throws IOException {
        CommandFailure noDir = assertThrows(CommandFailure.class, () -> commands.init("/no/such/dir"));
        assertTrue(noDir.getMessage().contains("/no/such/dir"));
        assertThrows(CommandFailure.class, () -> commands.init(root.toString(), "--forse"));
        CommandFailure noDescription = assertThrows(CommandFailure.class, () -> commands.generate(root.toString()));
        assertTrue(noDescription.getMessage().contains("trestle-build.txt"));
        Files.writeString(root.resolve("trestle-build.txt"), "project = x\n[program a]\nsorces = a.c\n");
        CommandFailure bad = assertThrows(CommandFailure.class, () -> commands.generate(root.toString()));
        assertTrue(bad.getMessage().contains("trestle-build.txt:3:"), bad.getMessage());
        assertEquals(2, bad.status());
        assertThrows(CommandFailure.class, () -> commands.deps(root.toString(), "nope.c"));
        CommandFailure backend =
                assertThrows(CommandFailure.class, () -> commands.generate(root.toString(), "--backend", "scons"));
        assertTrue(backend.getMessage().contains("scons"), backend.getMessage());
        assertThrows(CommandFailure.class, () -> commands.generate(root.toString(), "--backend"));
    }
}
