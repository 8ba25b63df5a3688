package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.internal.deps.ScannerImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A header written by a custom command and included by two units: a clean parallel build must never race. */
class CustomCommandTest {
    @TempDir
    Path temp;

    private final GeneratorImpl generator = new GeneratorImpl(new ScannerImpl());

    @BeforeAll
    static void needsGcc() {
        Gcc.assumeAvailable();
    }

    /** The generator sleeps first, so a compile that does not wait for it finds no header. */
    private Path project() throws IOException {
        Path root = temp.resolve("answer");
        Files.createDirectories(root.resolve("src"));
        Files.createDirectories(root.resolve("tools"));
        Files.writeString(
                root.resolve("tools/gen-config.sh"),
                "sleep 0.5\nprintf '#define ANSWER %s\\n' \"$2\" > \"$1.tmp\" && mv \"$1.tmp\" \"$1\"\n");
        Files.writeString(
                root.resolve("src/main.c"),
                "#include <stdio.h>\n#include \"config.h\"\nint other(void);\n"
                        + "int main(void) { printf(\"%d\\n\", ANSWER + other()); return 0; }\n");
        Files.writeString(root.resolve("src/other.c"), "#include \"config.h\"\nint other(void) { return ANSWER; }\n");
        Files.writeString(root.resolve(DescriptionFormat.FILE_NAME), """
                project = answer

                [platform linux-gcc]
                os = linux
                compiler = gcc

                [command gen-config]
                outputs = config.h
                inputs = tools/gen-config.sh
                run = sh {src}/tools/gen-config.sh {out} 21

                [program answer]
                sources = src/*.c
                """);
        return root;
    }

    private Gcc.Result make(Path makefile, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("make", "-j2", "-f", makefile.toString()));
        command.addAll(List.of(args));
        return Gcc.run(Files.createDirectories(temp.resolve("elsewhere")), command);
    }

    @Test
    void cleanParallelMakeWaitsForTheGeneratedHeaderEveryTime() throws IOException {
        Path root = project();
        Map<String, String> sources = Trees.digest(root);
        BuildDescription description = DescriptionFormat.read(DescriptionFormat.fileOf(root));
        Path makefile = generator.generate(root, description, "linux-gcc");
        Path program = makefile.getParent().resolve("bin/answer");
        for (int round = 1; round <= 3; round++) {
            Gcc.Result build = make(makefile);
            assertEquals(0, build.exit(), "round " + round + ": " + build.output());
            assertEquals("42\n", Gcc.run(root, List.of(program.toString())).output(), "round " + round);
            Gcc.Result clean = make(makefile, "clean");
            assertEquals(0, clean.exit(), clean.output());
            assertFalse(Files.exists(makefile.getParent().resolve("gen")), "clean removes the generated header");
        }
        Map<String, String> after = Trees.digest(root);
        after.keySet().removeIf(k -> k.equals("build") || k.startsWith("build/"));
        sources.keySet().removeIf(k -> k.equals("build") || k.startsWith("build/"));
        assertEquals(sources, after, "sources untouched: outputs go to the build directory only");
    }

    @Test
    void changingTheGeneratorsInputRerunsItAndRebuildsBothUnits() throws IOException {
        Path root = project();
        Path makefile = generator.generate(root, DescriptionFormat.read(DescriptionFormat.fileOf(root)), "linux-gcc");
        assertEquals(0, make(makefile).exit());
        Path script = root.resolve("tools/gen-config.sh");
        Files.writeString(script, Files.readString(script).replace("ANSWER %s", "ANSWER (%s + 1)"));
        Files.setLastModifiedTime(
                script, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 3000));
        Gcc.Result rebuild = make(makefile);
        assertEquals(0, rebuild.exit(), rebuild.output());
        Path program = makefile.getParent().resolve("bin/answer");
        assertEquals("44\n", Gcc.run(root, List.of(program.toString())).output());
    }

    @Test
    void cleanParallelNinjaWaitsForTheGeneratedHeader() throws IOException {
        assumeTrue(Gcc.run(temp, List.of("ninja", "--version")).exit() == 0, "ninja is not installed");
        Path root = project();
        Path file = generator.generate(
                root, DescriptionFormat.read(DescriptionFormat.fileOf(root)), "linux-gcc", Backend.NINJA);
        assertTrue(Files.readString(file).contains("|| gen/config.h"), "order-only edge in build.ninja");
        for (int round = 1; round <= 3; round++) {
            Gcc.Result build =
                    Gcc.run(temp, List.of("ninja", "-j2", "-C", file.getParent().toString()));
            assertEquals(0, build.exit(), "round " + round + ": " + build.output());
            Path program = file.getParent().resolve("bin/answer");
            assertEquals("42\n", Gcc.run(root, List.of(program.toString())).output());
            assertEquals(
                    0,
                    Gcc.run(temp, List.of("ninja", "-C", file.getParent().toString(), "-t", "clean"))
                            .exit());
            assertFalse(Files.exists(file.getParent().resolve("gen/config.h")), "ninja -t clean removes it");
        }
    }
}
