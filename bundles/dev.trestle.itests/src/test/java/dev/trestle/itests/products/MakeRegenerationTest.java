package dev.trestle.itests.products;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated makefile writes itself again through {@code ./trestle} when a source is added or the description
 * changes, and make then builds the new parts; when nothing changed, make does not start the launcher. On Debian's
 * lua5.4 (the make bundle's tests unpack it into the test cache), with the benchmark's description.
 */
class MakeRegenerationTest {
    private static final Path LUA_CACHE = Path.of(System.getProperty("user.home"), ".cache/trestle-test/lua5.4");

    @TempDir
    Path home;

    record Run(int status, String out) {}

    private static Run run(Path dir, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("TRESTLE_NO_BUILD", "1");
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().put("XDG_DATA_HOME", dir.resolve("data").toString());
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not end in 120 s");
        }
        return new Run(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static Path luaTree() throws IOException {
        assumeTrue(Files.isDirectory(LUA_CACHE), "no lua5.4 in the test cache (the make bundle's tests fetch it)");
        try (Stream<Path> dirs = Files.list(LUA_CACHE)) {
            Path tree = dirs.filter(d -> Files.isRegularFile(d.resolve("src/lua.c")))
                    .findFirst()
                    .orElse(null);
            assumeTrue(tree != null, "no unpacked lua5.4 in " + LUA_CACHE);
            return tree;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    @Test
    void anAddedSourceAndAnEditedDescriptionAreBuiltWithoutAskingAndNothingElseRegenerates() throws Exception {
        Path lua = home.resolve("lua");
        copy(luaTree(), lua);
        Path description = lua.resolve("trestle-build.txt");
        // the benchmark's description, unoptimised: the test is about what is built, not how fast it runs
        Files.writeString(
                description,
                Files.readString(TrestleProcess.REPOSITORY.resolve("benchmarks/lua/trestle-build.txt"))
                        .replace("flags = -O2", "flags = -O0"));
        String trestle = TrestleProcess.REPOSITORY.resolve("trestle").toString();
        Run generate = run(home, List.of(trestle, "make", "generate", lua.toString()));
        assertEquals(0, generate.status(), generate.out());
        Path buildDir = lua.resolve("build/linux-gcc");
        Path makefile = buildDir.resolve("Makefile");
        List<String> make = List.of("make", "-j2", "-C", buildDir.toString());

        Run build = run(home, make);
        assertEquals(0, build.status(), build.out());
        FileTime generated = Files.getLastModifiedTime(makefile);
        Run noop = run(home, make);
        assertTrue(noop.out().contains("Nothing to be done"), noop.out());
        assertFalse(noop.out().contains("make generate"), noop.out());
        assertEquals(generated, Files.getLastModifiedTime(makefile), "nothing changed: the makefile is as written");

        Files.writeString(
                lua.resolve("src/lanswer.c"), "int lua_trestle_answer(void) { return 42; }\n", StandardCharsets.UTF_8);
        Run added = run(home, make);
        assertEquals(0, added.status(), added.out());
        assertTrue(
                added.out().contains("make generate " + lua), "the launcher wrote the makefile again: " + added.out());
        assertTrue(Files.isRegularFile(buildDir.resolve("obj/lualib/src/lanswer.o")), added.out());
        Run symbols =
                run(home, List.of("nm", buildDir.resolve("lib/liblualib.a").toString()));
        assertTrue(symbols.out().contains("T lua_trestle_answer"), "the new unit is in the library");
        Run again = run(home, make);
        assertTrue(again.out().contains("Nothing to be done"), again.out());
        assertFalse(again.out().contains("make generate"), "no second regeneration: " + again.out());

        Files.createDirectories(lua.resolve("extra"));
        Files.writeString(lua.resolve("extra/hello.c"), """
                #include "lua.h"
                #include <stdio.h>
                int main(void) { printf("%s\\n", LUA_VERSION); return 0; }
                """);
        Files.writeString(description, """

                [program hello]
                sources = extra/*.c
                include = src
                """, StandardOpenOption.APPEND);
        Run edited = run(home, make);
        assertEquals(0, edited.status(), edited.out());
        assertTrue(edited.out().contains("make generate " + lua), edited.out());
        assertFalse(edited.out().contains("src/lapi.c"), "the library is not rebuilt: " + edited.out());
        Run hello = run(home, List.of(buildDir.resolve("bin/hello").toString()));
        assertEquals("Lua 5.4\n", hello.out(), "the new target is built and runs");
        Run lastly = run(home, make);
        assertTrue(lastly.out().contains("Nothing to be done"), lastly.out());
        assertFalse(lastly.out().contains("make generate"), lastly.out());
    }
}
