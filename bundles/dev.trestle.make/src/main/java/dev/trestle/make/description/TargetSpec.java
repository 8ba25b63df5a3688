package dev.trestle.make.description;

import dev.trestle.model.TargetKind;
import java.util.List;

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

    public boolean buildsOn(String platform) {
        return platforms.isEmpty() || platforms.contains(platform);
    }
}
