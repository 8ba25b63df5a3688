package dev.trestle.make.description;

import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.deps.SearchPath;
import dev.trestle.model.TargetKind;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One target of the description, as written (globs unexpanded). See the package documentation for each field. */
public record TargetSpec(
        String name,
        TargetKind kind,
        List<String> sources,
        List<String> excludes,
        List<String> includeDirs,
        List<String> defines,
        List<String> flags,
        List<String> linkFlags,
        List<String> libraries,
        List<String> platforms) {
    public TargetSpec {
        sources = List.copyOf(sources);
        excludes = List.copyOf(excludes);
        includeDirs = List.copyOf(includeDirs);
        defines = List.copyOf(defines);
        flags = List.copyOf(flags);
        linkFlags = List.copyOf(linkFlags);
        libraries = List.copyOf(libraries);
        platforms = List.copyOf(platforms);
    }

    /**
     * How the scanner reads this target's units, as the generated makefile compiles them: its include directories
     * (relative to {@code root}) and defines, with {@code cc}'s predefined macros.
     */
    public ScanOptions scanOptions(Path root) {
        Map<String, String> defined = new LinkedHashMap<>();
        for (String define : defines) {
            Map.Entry<String, String> entry = ScanOptions.define(define);
            defined.put(entry.getKey(), entry.getValue());
        }
        return new ScanOptions(
                SearchPath.of(includeDirs.stream().map(root::resolve).toList()), defined, List.of(), "cc");
    }

    /** {@link #scanOptions} of {@code target}, or {@link ScanOptions#withoutTarget()} when there is none. */
    public static ScanOptions scanOptions(Path root, TargetSpec target) {
        return target == null ? ScanOptions.withoutTarget() : target.scanOptions(root);
    }

    public boolean buildsOn(String platform) {
        return platforms.isEmpty() || platforms.contains(platform);
    }
}
