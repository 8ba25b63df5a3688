package dev.trestle.make.internal.generate;

import dev.trestle.make.description.PlatformSpec;
import dev.trestle.model.OperatingSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The platform-specific part of a build, and all of it: the tools, whether shared-library code needs {@code -fPIC},
 * how a shared library is linked, and for Visual C++ ({@link PlatformSpec#msvc()}) its own command lines. Everything
 * else in a generated file is the same on every platform.
 */
record Toolchain(PlatformSpec platform) {
    /** How {@code cl /showIncludes} marks a header on its standard output (Ninja's default prefix too). */
    static final String SHOW_INCLUDES_PREFIX = "Note: including file:";

    boolean msvc() {
        return platform.msvc();
    }

    /** {@code .obj} for Visual C++, {@code .o} for the others. */
    String objectSuffix() {
        return msvc() ? ".obj" : ".o";
    }

    /** Visual C++'s linker, {@code link}, or LLVM's {@code lld-link} beside {@code clang-cl}; the driver otherwise. */
    String linker() {
        if (!msvc()) {
            return cc();
        }
        return clangCl() ? "lld-link" : "link";
    }

    private boolean clangCl() {
        String cc = cc();
        return cc.substring(cc.lastIndexOf('/') + 1)
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("clang-cl");
    }

    String cc() {
        return platform.compiler() == null ? "cc" : platform.compiler();
    }

    /** The archiver of a cross compiler ({@code x86_64-w64-mingw32-ar}); {@code ar} otherwise. */
    String ar() {
        if (msvc()) {
            return clangCl() ? "llvm-lib" : "lib";
        }
        String triple = platform.triple();
        return triple != null && cc().startsWith(triple + "-") ? triple + "-ar" : "ar";
    }

    /** Whether the compiler is on the {@code PATH} (or, given as a path, executable). */
    boolean installed() {
        String cc = cc();
        if (cc.contains("/")) {
            return Files.isExecutable(Path.of(cc));
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, cc))) {
                return true;
            }
        }
        return false;
    }

    /** Code for an ELF shared object must be position-independent; PE and Mach-O code is already. */
    boolean pic() {
        return platform.os() == OperatingSystem.LINUX || platform.os() == null;
    }

    /**
     * The words that let a program find the project's shared libraries where the build put them, relative to the
     * program's own directory, so it runs from the build tree (and from a copy of it) without {@code
     * LD_LIBRARY_PATH}: {@code $ORIGIN} run paths on Linux, {@code @loader_path} on macOS, none on Windows (a DLL is
     * found beside the program or on the PATH).
     *
     * @param program the program's path in the build directory
     * @param linked what it links, paths in the build directory; the shared libraries among them count
     */
    List<String> runPathFlags(String program, List<String> linked) {
        OperatingSystem os = platform.os() == null ? OperatingSystem.LINUX : platform.os();
        if (os == OperatingSystem.WINDOWS || msvc()) {
            return List.of();
        }
        String origin = os == OperatingSystem.MACOS ? "@loader_path" : "$ORIGIN";
        String suffix = os == OperatingSystem.MACOS ? ".dylib" : ".so";
        Path programDir = parentOf(program);
        java.util.Set<String> flags = new java.util.LinkedHashSet<>();
        for (String library : linked) {
            if (library.endsWith(suffix)) {
                String relative =
                        programDir.relativize(parentOf(library)).toString().replace('\\', '/');
                flags.add("-Wl,-rpath," + origin + (relative.isEmpty() ? "" : "/" + relative));
            }
        }
        return List.copyOf(flags);
    }

    private static Path parentOf(String path) {
        Path parent = Path.of(path).getParent();
        return parent == null ? Path.of("") : parent;
    }

    /**
     * The words before {@code -o} that make the compiler driver link a shared library: its soname on Linux, its
     * install name on macOS, and on Windows the import library written beside the DLL.
     *
     * @param fileName the library's file name, e.g. {@code libz.so}
     * @param importLibrary the import library's path as the output format spells it ({@code null} but on Windows)
     */
    List<String> sharedFlags(String fileName, String importLibrary) {
        return switch (platform.os() == null ? OperatingSystem.LINUX : platform.os()) {
            case MACOS -> List.of("-dynamiclib", "-install_name", "@rpath/" + fileName);
            case WINDOWS -> List.of("-shared", "-Wl,--out-implib," + importLibrary);
            default -> List.of("-shared", "-Wl,-soname," + fileName);
        };
    }
}
