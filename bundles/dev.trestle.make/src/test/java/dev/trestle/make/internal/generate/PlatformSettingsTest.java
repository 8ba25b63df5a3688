package dev.trestle.make.internal.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.make.description.BuildDescription;
import dev.trestle.make.description.DescriptionFormat;
import dev.trestle.make.fixtures.Gcc;
import dev.trestle.make.internal.deps.ScannerImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings a target has on one platform only: the Cocoa part and its framework on macOS, a Windows file and
 * Winsock on MinGW, and neither in the Linux build. Built for real where the compiler is here.
 */
class PlatformSettingsTest {
    @TempDir
    Path temp;

    private final GeneratorImpl generator = new GeneratorImpl(new ScannerImpl());

    private Path project() throws IOException {
        Path root = temp.resolve("net");
        Files.createDirectories(root.resolve("src/win"));
        Files.createDirectories(root.resolve("src/mac"));
        Files.writeString(root.resolve("src/main.c"), """
                #include <stdio.h>
                int platform_init(void);
                int main(void) { printf("init %d\\n", platform_init()); return 0; }
                """);
        Files.writeString(root.resolve("src/posix.c"), "int platform_init(void) { return 1; }\n");
        Files.writeString(root.resolve("src/win/winsock.c"), """
                #include <winsock2.h>
                int platform_init(void) { WSADATA d; return WSAStartup(MAKEWORD(2, 2), &d) == 0 ? 2 : -1; }
                """);
        Files.writeString(
                root.resolve("src/mac/window.m"),
                "#import <Cocoa/Cocoa.h>\nint platform_init(void) { return NSApp != nil ? 3 : 3; }\n");
        Files.writeString(DescriptionFormat.fileOf(root), """
                project = net
                [program net]
                sources = src/main.c
                sources on linux-gcc = src/posix.c
                sources on mingw64 = src/win/*.c
                libs on mingw64 = ws2_32
                define on mingw64 = WIN32_LEAN_AND_MEAN
                sources on macos-clang = src/mac/*.m
                link-flags on macos-clang = -framework Cocoa
                """);
        return root;
    }

    private static BuildDescription description(Path root) throws IOException {
        return DescriptionFormat.read(DescriptionFormat.fileOf(root));
    }

    @Test
    void eachPlatformGetsItsOwnSettingsAndNoOther() throws IOException {
        Path root = project();
        String linux = Files.readString(generator.generate(root, description(root), "linux-gcc"));
        String windows = Files.readString(generator.generate(root, description(root), "mingw64"));
        String macos = Files.readString(generator.generate(root, description(root), "macos-clang"));

        assertTrue(linux.contains("$(SRC)/src/posix.c"), linux);
        for (String foreign : List.of("winsock", "ws2_32", "WIN32_LEAN_AND_MEAN", "window.m", "Cocoa")) {
            assertFalse(linux.contains(foreign), "no " + foreign + " on Linux");
        }
        assertTrue(windows.contains("$(SRC)/src/win/winsock.c") && windows.contains("-lws2_32"), windows);
        assertTrue(windows.contains("-DWIN32_LEAN_AND_MEAN"), windows);
        assertFalse(windows.contains("posix.c") || windows.contains("Cocoa"), windows);
        assertTrue(macos.contains("$(SRC)/src/mac/window.m") && macos.contains("-framework Cocoa"), macos);
        assertFalse(macos.contains("posix.c") || macos.contains("ws2_32"), macos);
    }

    @Test
    void theLinuxAndMingwBuildsRunWithTheirOwnSources() throws IOException {
        Gcc.assumeAvailable();
        Path root = project();
        Path elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
        Path linux = generator.generate(root, description(root), "linux-gcc");
        Gcc.Result build = Gcc.run(elsewhere, List.of("make", "-j2", "-f", linux.toString()));
        assertEquals(0, build.exit(), build.output());
        Gcc.Result ran =
                Gcc.run(elsewhere, List.of(linux.resolveSibling("bin/net").toString()));
        assertEquals("init 1\n", ran.output());

        assumeTrue(
                Gcc.run(elsewhere, List.of("x86_64-w64-mingw32-gcc", "--version"))
                                .exit()
                        == 0,
                "the MinGW cross compiler is not installed");
        Path windows = generator.generate(root, description(root), "mingw64");
        Gcc.Result cross = Gcc.run(elsewhere, List.of("make", "-j2", "-f", windows.toString()));
        assertEquals(0, cross.exit(), cross.output());
        Path exe = windows.resolveSibling("bin/net.exe");
        byte[] head = Files.readAllBytes(exe);
        assertEquals('M', head[0]);
        assertEquals('Z', head[1]);
        Gcc.Result imports = Gcc.run(elsewhere, List.of("x86_64-w64-mingw32-objdump", "-p", exe.toString()));
        assertTrue(imports.output().contains("WS2_32.dll"), "Winsock is linked: " + imports.output());
    }
}
