package dev.trestle.make.description;

import dev.trestle.model.OperatingSystem;
import java.util.List;
import java.util.Optional;

/** A platform a project is built for: {@code linux-gcc}, say. {@code triple} may be {@code null}. */
public record PlatformSpec(String name, OperatingSystem os, String compiler, String triple) {
    /**
     * The platforms known by name, so {@code make generate DIR --platform mingw64} works without a section in the
     * description; a {@code [platform NAME]} section of the same name replaces the built-in one.
     */
    public static final List<PlatformSpec> BUILT_IN = List.of(
            linuxGcc(),
            new PlatformSpec("linux-clang", OperatingSystem.LINUX, "clang", null),
            new PlatformSpec("macos-clang", OperatingSystem.MACOS, "clang", null),
            new PlatformSpec("mingw64", OperatingSystem.WINDOWS, "x86_64-w64-mingw32-gcc", "x86_64-w64-mingw32"),
            new PlatformSpec("msvc", OperatingSystem.WINDOWS, "cl", null));

    /**
     * Whether the compiler speaks {@code cl}'s command line ({@code /c}, {@code /Fo}, {@code /showIncludes}): Visual
     * C++'s {@code cl} or LLVM's {@code clang-cl}, by the compiler's file name.
     */
    public boolean msvc() {
        if (compiler == null) {
            return false;
        }
        String name = compiler.substring(Math.max(compiler.lastIndexOf('/'), compiler.lastIndexOf('\\')) + 1);
        return name.matches("(?i)(clang-)?cl(-\\d+)?(\\.exe)?");
    }

    public static PlatformSpec linuxGcc() {
        return new PlatformSpec("linux-gcc", OperatingSystem.LINUX, "gcc", null);
    }

    public static Optional<PlatformSpec> builtIn(String name) {
        return BUILT_IN.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
