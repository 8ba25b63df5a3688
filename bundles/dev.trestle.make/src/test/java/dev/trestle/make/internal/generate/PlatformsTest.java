package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.Proposer;
import dev.trestle.make.description.TargetSpec;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.fixtures.LuaSource;
import dev.trestle.make.fixtures.Projects;
import dev.trestle.make.fixtures.Trees;
import dev.trestle.make.generate.Backend;
import dev.trestle.make.internal.deps.ScannerImpl;
import dev.trestle.model.TargetKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platforms other than Linux, from the same description: built for real where the compiler is here. */
class PlatformsTest {
    private static final String MINGW = "x86_64-w64-mingw32-gcc";
    private static final int IMAGE_FILE_DLL = 0x2000;

    @TempDir
    Path temp;

    private final GeneratorImpl generator = new GeneratorImpl(new ScannerImpl());

    /** The demo project with its library made shared, so the platforms' ways of linking one show. */
    private BuildDescription demoWithSharedLibrary(Path root) throws IOException {
        Trees.copy(Projects.demo().root(), root);
        BuildDescription proposed = Proposer.propose(root);
        List<TargetSpec> targets = new ArrayList<>();
        for (TargetSpec t : proposed.targets()) {
            targets.add(new TargetSpec(
                    t.name(),
                    t.kind() == TargetKind.STATIC_LIBRARY ? TargetKind.SHARED_LIBRARY : t.kind(),
                    t.sources(),
                    t.excludes(),
                    t.includeDirs(),
                    t.defines(),
                    t.flags(),
                    t.linkFlags(),
                    t.libraries(),
                    t.platforms()));
        }
        return new BuildDescription(proposed.project(), proposed.platforms(), targets);
    }

    @Test
    void mingw64CrossCompilesRealPeExecutablesAndADllWithItsImportLibrary() throws IOException {
        assumeTrue(Gcc.run(temp, List.of("sh", "-c", "command -v " + MINGW)).exit() == 0, MINGW + " is not installed");
        Path root = temp.resolve("demo");
        Map<String, String> before = Trees.digest(Projects.demo().root());
        // the description names linux-gcc only: mingw64 is built in
        Path makefile = generator.generate(root, demoWithSharedLibrary(root), "mingw64");
        assertEquals(root.resolve("build/mingw64/Makefile"), makefile);
        String text = Files.readString(makefile);
        assertTrue(text.contains("CC := " + MINGW + "\n"), "the cross compiler");
        assertTrue(text.contains("AR := x86_64-w64-mingw32-ar\n"), "its archiver");
        assertFalse(text.contains("-fPIC"), "PE code needs no -fPIC");

        Gcc.Result build = Gcc.run(temp, List.of("make", "-j2", "-f", makefile.toString()));
        assertEquals(0, build.exit(), build.output());
        Path out = makefile.getParent();
        for (String exe : List.of("bin/main.exe", "bin/test_counter.exe")) {
            assertEquals(0, peCharacteristics(out.resolve(exe)) & IMAGE_FILE_DLL, exe + " is a PE program");
            assertTrue(
                    imports(out.resolve(exe), "libdemo.dll"),
                    exe + " loads the DLL (linked through its import library)");
        }
        assertEquals(IMAGE_FILE_DLL, peCharacteristics(out.resolve("bin/libdemo.dll")) & IMAGE_FILE_DLL);
        assertTrue(Files.size(out.resolve("lib/libdemo.dll.a")) > 0, "the import library");
        String objdump = Gcc.run(
                        temp,
                        List.of(
                                "x86_64-w64-mingw32-objdump",
                                "-p",
                                out.resolve("bin/libdemo.dll").toString()))
                .output();
        assertTrue(objdump.contains("[Ordinal/Name Pointer] Table"), "the DLL exports its functions: " + objdump);

        Gcc.Result clean = Gcc.run(temp, List.of("make", "-f", makefile.toString(), "clean"));
        assertEquals(0, clean.exit(), clean.output());
        try (var left = Files.walk(out)) {
            assertEquals(
                    List.of("", ".trestle-build-dir", "Makefile", "compile_commands.json"),
                    left.map(p -> out.relativize(p).toString()).sorted().toList(),
                    "clean removed the DLL and the import library too");
        }
        Map<String, String> after = Trees.digest(root);
        after.keySet().removeIf(k -> k.equals("build") || k.startsWith("build/"));
        assertEquals(before, after, "the sources are untouched");
    }

    @Test
    void luaCrossCompilesForWindowsFromTheDescriptionMakeInitProposes() throws IOException {
        assumeTrue(Gcc.run(temp, List.of("sh", "-c", "command -v " + MINGW)).exit() == 0, MINGW + " is not installed");
        Path root = temp.resolve("lua");
        Trees.copy(LuaSource.tree(), root);
        BuildDescription description = Proposer.propose(root, List.of(), List.of("LUA_COMPAT_5_3"));
        Path makefile = generator.generate(root, description, "mingw64");
        Gcc.Result build = Gcc.run(temp, List.of("make", "-j2", "-f", makefile.toString()));
        assertEquals(0, build.exit(), build.output());
        for (String exe : List.of("bin/lua.exe", "bin/luac.exe")) {
            Path file = makefile.getParent().resolve(exe);
            assertEquals(0, peCharacteristics(file) & IMAGE_FILE_DLL, exe + " is a PE program");
            assertTrue(imports(file, "KERNEL32.dll"), exe + " links against Windows itself");
        }
    }

    /**
     * The COFF header's characteristics after checking the DOS stub's {@code MZ}, the {@code PE\0\0} signature at
     * the offset the stub gives, and the machine (x86-64).
     */
    private static int peCharacteristics(Path file) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals('M', bytes.get(0), file + ": MZ");
        assertEquals('Z', bytes.get(1), file + ": MZ");
        int pe = bytes.getInt(0x3c);
        assertEquals(0x00004550, bytes.getInt(pe), file + ": PE\\0\\0 at " + pe);
        assertEquals(0x8664, bytes.getShort(pe + 4) & 0xffff, file + ": machine x86-64");
        return bytes.getShort(pe + 22) & 0xffff;
    }

    private static boolean imports(Path exe, String dll) throws IOException {
        return new String(Files.readAllBytes(exe), StandardCharsets.ISO_8859_1).contains(dll + "\0");
    }

    @Test
    void macosClangLinksADylibWithAnInstallNameTextOnly() throws IOException {
        // no macOS toolchain here: this checks the generated text, not a build
        Path root = temp.resolve("demo");
        BuildDescription description = demoWithSharedLibrary(root);
        String text = Files.readString(generator.generate(root, description, "macos-clang"));
        assertTrue(text.contains("CC := clang\n"), text);
        assertTrue(text.contains("$(BUILD_DIR)/lib/libdemo.dylib: "), "dylib naming");
        assertTrue(
                text.contains("-dynamiclib -install_name @rpath/libdemo.dylib -o $(BUILD_DIR)/lib/libdemo.dylib"),
                "linked as a dylib with an install name");
        assertTrue(text.contains("$(BUILD_DIR)/bin/main: "), "programs without a suffix");
        assertTrue(text.contains(" $(BUILD_DIR)/lib/libdemo.dylib\n"), "programs link the dylib");
        assertFalse(text.contains("-fPIC"), "Mach-O code is position-independent already");
        assertFalse(text.contains("-soname"), "no ELF soname");
    }

    @Test
    void ninjaWritesTheDllAndItsImportLibraryFromOneEdge() throws IOException {
        Path root = temp.resolve("demo");
        String text = Files.readString(generator.generate(root, demoWithSharedLibrary(root), "mingw64", Backend.NINJA));
        assertTrue(text.contains("build bin/libdemo.dll lib/libdemo.dll.a: shared "), text);
        assertTrue(text.contains("  sharedflags = -shared -Wl,--out-implib,lib/libdemo.dll.a\n"), text);
        assertTrue(text.contains("build bin/main.exe: link "), text);
        assertTrue(text.contains("ar = x86_64-w64-mingw32-ar\n"), text);
    }
}
