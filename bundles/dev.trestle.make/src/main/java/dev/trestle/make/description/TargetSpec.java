package dev.trestle.make.description;

import dev.trestle.make.deps.ScanOptions;
import dev.trestle.make.deps.SearchPath;
import dev.trestle.model.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One target of the description, as written (globs unexpanded). See the package documentation for each field.
 * {@code version} is a shared library's version, or {@code null}; {@code variants} are the settings it has on one
 * platform only, which {@link #on} applies.
 */
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
        List<String> platforms,
        String version,
        List<TargetVariant> variants) {
    public TargetSpec {
        sources = List.copyOf(sources);
        excludes = List.copyOf(excludes);
        includeDirs = List.copyOf(includeDirs);
        defines = List.copyOf(defines);
        flags = List.copyOf(flags);
        linkFlags = List.copyOf(linkFlags);
        libraries = List.copyOf(libraries);
        platforms = List.copyOf(platforms);
        variants = List.copyOf(variants);
    }

    /** A target without a version and without platform-specific settings. */
    public TargetSpec(
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
        this(
                name,
                kind,
                sources,
                excludes,
                includeDirs,
                defines,
                flags,
                linkFlags,
                libraries,
                platforms,
                null,
                List.of());
    }

    /**
     * The target as built on {@code platform}: every variant for it appended to the target's own lists, in the
     * description's order, and no variants left.
     */
    public TargetSpec on(String platform) {
        List<String> s = new ArrayList<>(sources);
        List<String> x = new ArrayList<>(excludes);
        List<String> i = new ArrayList<>(includeDirs);
        List<String> d = new ArrayList<>(defines);
        List<String> f = new ArrayList<>(flags);
        List<String> lf = new ArrayList<>(linkFlags);
        List<String> l = new ArrayList<>(libraries);
        for (TargetVariant variant : variants) {
            if (variant.platform().equals(platform)) {
                s.addAll(variant.sources());
                x.addAll(variant.excludes());
                i.addAll(variant.includeDirs());
                d.addAll(variant.defines());
                f.addAll(variant.flags());
                lf.addAll(variant.linkFlags());
                l.addAll(variant.libraries());
            }
        }
        return new TargetSpec(name, kind, s, x, i, d, f, lf, l, platforms, version, List.of());
    }

    /** The same target with other include directories and compile flags (what an include fix changes). */
    public TargetSpec withIncludeDirsAndFlags(List<String> newIncludeDirs, List<String> newFlags) {
        return new TargetSpec(
                name,
                kind,
                sources,
                excludes,
                newIncludeDirs,
                defines,
                newFlags,
                linkFlags,
                libraries,
                platforms,
                version,
                variants);
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
        List<Path> dirs = includeDirs.stream().map(root::resolve).toList();
        return new ScanOptions(SearchPath.of(dirs), defined, List.of(), "cc", forcedIncludes(root, dirs));
    }

    /**
     * The files {@code -include FILE} and {@code -imacros FILE} (cl's {@code /FI FILE} and {@code /FIFILE}) in the
     * flags read before each unit, looked up as the compiler does: in the directory it runs in (taken to be the
     * project root), then in the include directories; one found nowhere is kept under the root, for the scan to
     * report.
     */
    private List<Path> forcedIncludes(Path root, List<Path> dirs) {
        List<Path> forced = new ArrayList<>();
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            String name = null;
            if ((flag.equals("-include") || flag.equals("-imacros") || flag.equals("/FI")) && i + 1 < flags.size()) {
                name = flags.get(++i);
            } else if (flag.startsWith("/FI") && flag.length() > 3) {
                name = flag.substring(3);
            }
            if (name != null) {
                forced.add(lookUp(root, dirs, name));
            }
        }
        return forced;
    }

    private static Path lookUp(Path root, List<Path> dirs, String name) {
        Path found = root.resolve(name);
        for (int d = 0; d < dirs.size() && !Files.isRegularFile(found); d++) {
            Path candidate = dirs.get(d).resolve(name);
            if (Files.isRegularFile(candidate)) {
                found = candidate;
            }
        }
        return found;
    }

    /** {@link #scanOptions} of {@code target}, or {@link ScanOptions#withoutTarget()} when there is none. */
    public static ScanOptions scanOptions(Path root, TargetSpec target) {
        return target == null ? ScanOptions.withoutTarget() : target.scanOptions(root);
    }

    public boolean buildsOn(String platform) {
        return platforms.isEmpty() || platforms.contains(platform);
    }
}
