package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.fixtures.ZlibSource;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.internal.deps.ScannerImpl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code msvc} platform's command lines, run for real by {@code clang-cl} (clang invoked by that name speaks
 * {@code cl}'s command line and writes {@code /showIncludes}), {@code llvm-lib} and {@code lld-link}, on zlib. There
 * is no Windows SDK here: the units are compiled against MinGW's headers ({@code flags on msvc}), zlib is archived
 * but not linked into a program (that needs Windows' C library), and the DLL and the program that are linked use no
 * library at all ({@code /NODEFAULTLIB}).
 */
class MsvcPlatformTest {
    private static final Pattern OBJECT = Pattern.compile("^(\\S+\\.obj):", Pattern.MULTILINE);

    @TempDir
    Path temp;

    private final GeneratorImpl generator = new GeneratorImpl(new ScannerImpl());
    private Path root;

    @BeforeEach
    void zlibForMsvc() throws IOException {
        Gcc.assumeAvailable();
        Path clang = Path.of("/usr/bin/clang");
        assumeTrue(Files.isExecutable(clang), "clang is not installed");
        assumeTrue(Gcc.run(temp, List.of("llvm-lib", "/help")).exit() == 0, "llvm-lib (llvm) is not installed");
        assumeTrue(Files.isDirectory(Path.of("/usr/share/mingw-w64/include")), "MinGW's headers are not installed");
        Path clangCl = Files.createDirectories(temp.resolve("bin")).resolve("clang-cl");
        Files.createSymbolicLink(clangCl, clang.toRealPath());
        root = temp.resolve("zlib");
        Trees.copy(ZlibSource.tree(), root);
        // a header only the compiler finds, through a flag the scanner does not read: only /showIncludes knows it
        Files.createDirectories(root.resolve("probe/hidden"));
        Files.writeString(root.resolve("probe/hidden/probe.h"), "#define PROBE 1\n");
        Files.writeString(root.resolve("probe/probe.c"), "#include \"probe.h\"\nint probe(void) { return PROBE; }\n");
        Files.createDirectories(root.resolve("probe/main"));
        Files.writeString(root.resolve("probe/main/main.c"), "int probe(void);\nint start(void) { return probe(); }\n");
        String windowsHeaders = "--target=x86_64-w64-windows-gnu -imsvc /usr/share/mingw-w64/include";
        Files.writeString(DescriptionFormat.fileOf(root), """
                project = zlib
                [platform msvc]
                os = windows
                compiler = %s
                [static-library z]
                sources = *.c
                define = HAVE_STDARG_H
                flags on msvc = %s
                [shared-library probe]
                sources = probe/*.c
                flags = /I%s
                flags on msvc = %s
                link-flags on msvc = /NOENTRY /NODEFAULTLIB /EXPORT:probe
                [program useprobe]
                sources = probe/main/*.c
                libs = probe
                flags on msvc = %s
                link-flags on msvc = /ENTRY:start /NODEFAULTLIB /SUBSYSTEM:CONSOLE
                """.formatted(
                        clangCl, windowsHeaders, root.resolve("probe/hidden"), windowsHeaders, windowsHeaders));
    }

    private Gcc.Result make(Path makefile, String... goals) throws IOException {
        List<String> command = new ArrayList<>(List.of("make", "-j2", "-f", makefile.toString()));
        command.addAll(List.of(goals));
        return Gcc.run(Files.createDirectories(temp.resolve("elsewhere")), command);
    }

    @Test
    void everyCompileCommandRunsUnderClangClAndShowIncludesBecomesTheDependencies() throws IOException {
        Path makefile =
                generator.generate(root, DescriptionFormat.read(DescriptionFormat.fileOf(root)), "msvc", Backend.MAKE);
        String text = Files.readString(makefile);
        assertTrue(text.contains("/showIncludes") && text.contains("/Fo$(BUILD_DIR)/obj/z/deflate.obj"), text);
        assertFalse(text.contains("-MMD"), "no gcc depfile flags");
        Set<String> objects = new TreeSet<>();
        Matcher m = OBJECT.matcher(text);
        while (m.find()) {
            objects.add(m.group(1));
        }
        assertEquals(17, objects.size(), "zlib's 15 units, the DLL's and the program's: " + objects);
        assertTrue(
                text.contains("/DLL /NOENTRY /NODEFAULTLIB /EXPORT:probe /OUT:$(BUILD_DIR)/bin/probe.dll"
                        + " /IMPLIB:$(BUILD_DIR)/lib/probe.lib"),
                text);
        Path buildDir = makefile.getParent();
        Gcc.Result build = make(makefile);
        assertEquals(0, build.exit(), build.output());

        for (String object : objects) {
            Path file = Path.of(object.replace("$(BUILD_DIR)", buildDir.toString()));
            byte[] coff = Files.readAllBytes(file);
            assertEquals(0x8664, (coff[0] & 0xff) | (coff[1] & 0xff) << 8, file + " is an x86-64 COFF object");
        }
        byte[] archive = Files.readAllBytes(buildDir.resolve("lib/z.lib"));
        assertEquals("!<arch>\n", new String(archive, 0, 8, StandardCharsets.US_ASCII), "llvm-lib wrote z.lib");
        for (String pe : List.of("bin/probe.dll", "bin/useprobe.exe")) {
            byte[] image = Files.readAllBytes(buildDir.resolve(pe));
            assertEquals("MZ", new String(image, 0, 2, StandardCharsets.US_ASCII), pe + " is a PE image");
        }
        Gcc.Result imports = Gcc.run(
                temp,
                List.of(
                        "llvm-objdump",
                        "-p",
                        buildDir.resolve("bin/useprobe.exe").toString()));
        assertTrue(imports.output().contains("probe.dll"), "the program imports the DLL: " + imports.output());

        // the depfile holds exactly what the compiler showed
        Path deflate = buildDir.resolve("obj/z/deflate.obj");
        Set<String> shown = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of(deflate + ".d"))) {
            if (line.startsWith(deflate + ": ")) {
                shown.add(line.substring(deflate.toString().length() + 2));
            }
        }
        assertTrue(
                shown.containsAll(List.of(
                        root.resolve("deflate.h").toString(),
                        root.resolve("zutil.h").toString(),
                        root.resolve("zlib.h").toString(),
                        root.resolve("zconf.h").toString())),
                shown.toString());
        assertTrue(shown.stream().anyMatch(h -> !h.startsWith(root.toString())), "system headers too: " + shown);
        Gcc.Result again = make(makefile);
        assertEquals(0, again.exit(), again.output());
        assertFalse(again.output().contains("clang-cl"), "the depfiles read back and nothing is stale: " + again);

        // the header only /showIncludes named: touching it rebuilds its unit, and only it
        Map<String, FileTime> before = objs(buildDir);
        Files.setLastModifiedTime(
                root.resolve("probe/hidden/probe.h"), FileTime.fromMillis(System.currentTimeMillis() + 3000));
        Gcc.Result rebuild = make(makefile);
        assertEquals(0, rebuild.exit(), rebuild.output());
        Set<String> rebuilt = new TreeSet<>();
        objs(buildDir).forEach((o, t) -> {
            if (!t.equals(before.get(o))) {
                rebuilt.add(o);
            }
        });
        assertEquals(Set.of("obj/probe/probe/probe.obj"), rebuilt, rebuild.output());
    }

    private static Map<String, FileTime> objs(Path buildDir) throws IOException {
        Map<String, FileTime> times = new java.util.TreeMap<>();
        try (var files = Files.walk(buildDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".obj")).toList()) {
                times.put(buildDir.relativize(f).toString(), Files.getLastModifiedTime(f));
            }
        }
        return times;
    }

    @Test
    void ninjaReadsShowIncludesItself() throws IOException {
        assumeTrue(Gcc.run(temp, List.of("ninja", "--version")).exit() == 0, "ninja is not installed");
        Path manifest =
                generator.generate(root, DescriptionFormat.read(DescriptionFormat.fileOf(root)), "msvc", Backend.NINJA);
        assertTrue(Files.readString(manifest).contains("deps = msvc"));
        Path buildDir = manifest.getParent();
        Gcc.Result build = Gcc.run(temp, List.of("ninja", "-C", buildDir.toString(), "all"));
        assertEquals(0, build.exit(), build.output());
        Gcc.Result deps =
                Gcc.run(temp, List.of("ninja", "-C", buildDir.toString(), "-t", "deps", "obj/probe/probe/probe.obj"));
        assertTrue(deps.output().contains(root.resolve("probe/hidden/probe.h").toString()), deps.output());
    }
}
