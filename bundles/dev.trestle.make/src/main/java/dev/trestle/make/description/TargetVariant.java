package dev.trestle.make.description;

import java.util.List;

/**
 * What a target adds on one platform only ({@code libs on mingw64 = ws2_32}): each list is appended to the target's
 * list of the same name when the target is built for {@code platform}. See the package documentation.
 */
public record TargetVariant(
        String platform,
        List<String> sources,
        List<String> excludes,
        List<String> includeDirs,
        List<String> defines,
        List<String> flags,
        List<String> linkFlags,
        List<String> libraries) {
    public TargetVariant {
        sources = List.copyOf(sources);
        excludes = List.copyOf(excludes);
        includeDirs = List.copyOf(includeDirs);
        defines = List.copyOf(defines);
        flags = List.copyOf(flags);
        linkFlags = List.copyOf(linkFlags);
        libraries = List.copyOf(libraries);
    }
}
