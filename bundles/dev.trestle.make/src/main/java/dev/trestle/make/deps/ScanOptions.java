package dev.trestle.make.deps;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to preprocess: the search path, the command line's {@code -D}/{@code -U} (a define without a value is
 * {@code 1}, as on the command line), and whether the compiler's predefined macros and directories are added.
 *
 * @param compiler the compiler whose {@code -dM -E} macros and include directories seed the scan, e.g. {@code
 *     cc}; {@code null} to seed nothing, in which case every name that is never defined is undecidable rather
 *     than 0 (the scanner cannot know what the compiler would predefine)
 * @param forcedIncludes the files the command line's {@code -include} (or {@code -imacros}) reads before each
 *     unit, in order, already looked up
 */
public record ScanOptions(
        SearchPath path,
        Map<String, String> defines,
        List<String> undefines,
        String compiler,
        List<Path> forcedIncludes) {
    public ScanOptions {
        defines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defines));
        undefines = List.copyOf(undefines);
        forcedIncludes = List.copyOf(forcedIncludes);
    }

    /** Options without forced includes. */
    public ScanOptions(SearchPath path, Map<String, String> defines, List<String> undefines, String compiler) {
        this(path, defines, undefines, compiler, List.of());
    }

    /** For a file no target compiles: no {@code -I}, no {@code -D}, {@code cc}'s predefined macros. */
    public static ScanOptions withoutTarget() {
        return new ScanOptions(SearchPath.of(List.of()), Map.of(), List.of(), "cc");
    }

    /** These options with another compiler's predefined macros; null takes every undecidable condition both ways. */
    public ScanOptions withCompiler(String other) {
        return new ScanOptions(path, defines, undefines, other, forcedIncludes);
    }

    /** Parses {@code NAME} or {@code NAME=VALUE} as given to {@code -D}. */
    public static Map.Entry<String, String> define(String text) {
        int eq = text.indexOf('=');
        return eq < 0 ? Map.entry(text, "1") : Map.entry(text.substring(0, eq), text.substring(eq + 1));
    }
}
