package dev.trestle.make.clean;

import dev.trestle.make.generate.MakefileGenerator;
import dev.trestle.model.BuildOutput;
import dev.trestle.model.Project;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Removes a platform's build outputs as the project model ({@code project.trestle}) lists them, and nothing else.
 * Unlike a {@code clean} rule, it never expands a pattern and never trusts a variable: every path is checked on its
 * own. A path is refused when it is absolute, has a {@code ..} or empty segment, lies outside {@code
 * build/PLATFORM/}, or is reached through a symbolic link (a build directory swapped for a link into the sources is
 * the classic way a clean deletes what it must not). A listed symbolic link is removed itself, never its target.
 * The build directory must be a real directory holding the marker that {@code make generate} wrote for this
 * platform. Directories go only when the clean left them empty, and the build directory itself stays.
 */
public final class SafeClean {
    private final Path root;
    private final String platform;
    private final String buildDirectory;

    public SafeClean(Path root, String platform) {
        this(root, platform, buildDirectory(platform));
    }

    /** @param buildDirectory the project-relative build directory, as given to {@code make generate --build-dir} */
    public SafeClean(Path root, String platform, String buildDirectory) {
        this.root = root.toAbsolutePath().normalize();
        this.platform = platform;
        this.buildDirectory = buildDirectory;
    }

    /** The project-relative build directory of {@code platform}. */
    public static String buildDirectory(String platform) {
        return "build/" + platform;
    }

    /** The outputs the model lists for this platform, project-relative, in model order. */
    public List<String> listedOutputs() throws IOException {
        if (!ProjectStore.exists(root)) {
            throw new CleanRefused("no " + ProjectStore.FILE_NAME + " in " + root
                    + ", so nothing is known to be a build output (run: project init " + root + ", then make generate "
                    + root + ")");
        }
        Project project = ProjectStore.load(root);
        Set<String> listed = new LinkedHashSet<>();
        project.eAllContents().forEachRemaining(o -> {
            if (o instanceof BuildOutput output
                    && output.getPath() != null
                    && output.getPlatform() != null
                    && platform.equals(output.getPlatform().getName())) {
                listed.add(output.getPath());
            }
        });
        return List.copyOf(listed);
    }

    public CleanReport run(boolean dryRun) throws IOException {
        String buildPrefix = buildDirectory + "/";
        Path buildDir = root.resolve(buildDirectory).normalize();
        if (!buildDir.startsWith(root) || buildDir.equals(root)) {
            throw new CleanRefused("refusing to clean: " + buildDirectory + " is not a directory inside " + root);
        }
        requireOwnBuildDirectory(buildDir);
        List<String> listed = listedOutputs();
        List<String> removed = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        Set<Path> parents = new TreeSet<>(
                Comparator.comparingInt(Path::getNameCount).reversed().thenComparing(Comparator.naturalOrder()));
        for (String path : listed) {
            String reason = unsafe(path, buildPrefix);
            if (reason != null) {
                refused.add(path + ": " + reason);
                continue;
            }
            Path file = root.resolve(path);
            BasicFileAttributes attributes = attributes(file);
            if (attributes == null) {
                continue; // not built, or already gone
            }
            if (attributes.isDirectory()) {
                refused.add(path + ": is a directory, and a clean removes files only");
                continue;
            }
            if (!dryRun) {
                try {
                    Files.delete(file);
                } catch (NoSuchFileException e) {
                    continue;
                }
            }
            removed.add(path);
            for (Path dir = file.getParent(); !dir.equals(buildDir); dir = dir.getParent()) {
                parents.add(dir);
            }
        }
        List<String> removedDirectories = new ArrayList<>();
        if (!dryRun) {
            for (Path dir : parents) {
                if (isEmptyDirectory(dir)) {
                    Files.delete(dir);
                    removedDirectories.add(relative(dir));
                }
            }
        }
        Set<String> listedSet = Set.copyOf(listed);
        return new CleanReport(buildDir, removed, refused, removedDirectories, unlisted(buildDir, listedSet), dryRun);
    }

    /** Why a listed path may not be removed, or null if it may. */
    private String unsafe(String path, String buildPrefix) throws IOException {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
            return "not a project-relative path";
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "has a '" + segment + "' segment";
            }
        }
        if (!path.startsWith(buildPrefix)) {
            return "outside " + buildPrefix;
        }
        Path dir = root;
        String[] segments = path.split("/");
        for (int i = 0; i < segments.length - 1; i++) {
            dir = dir.resolve(segments[i]);
            BasicFileAttributes attributes = attributes(dir);
            if (attributes == null) {
                return null; // a missing directory: there is nothing below it to remove
            }
            if (attributes.isSymbolicLink()) {
                return relative(dir) + " is a symbolic link";
            }
            if (!attributes.isDirectory()) {
                return relative(dir) + " is not a directory";
            }
        }
        return null;
    }

    private void requireOwnBuildDirectory(Path buildDir) throws IOException {
        Path dir = root;
        for (Path segment : root.relativize(buildDir)) {
            dir = dir.resolve(segment);
            BasicFileAttributes attributes = attributes(dir);
            if (attributes == null) {
                throw new CleanRefused("nothing to clean: there is no " + relative(dir));
            }
            if (attributes.isSymbolicLink() || !attributes.isDirectory()) {
                throw new CleanRefused("refusing to clean: " + relative(dir) + " is not a plain directory");
            }
        }
        Path marker = buildDir.resolve(MakefileGenerator.MARKER);
        BasicFileAttributes markerAttributes = attributes(marker);
        String expected = MakefileGenerator.markerContent(platform);
        if (markerAttributes == null
                || !markerAttributes.isRegularFile()
                || !Files.readString(marker, StandardCharsets.UTF_8).strip().equals(expected)) {
            throw new CleanRefused("refusing to clean: " + relative(buildDir) + " has no " + MakefileGenerator.MARKER
                    + " for " + platform + ", so Trestle did not create it");
        }
    }

    /** What {@code make generate} itself writes into the build directory: not outputs of the build, and kept. */
    private static final Set<String> GENERATED_BY_TRESTLE =
            Set.of(MakefileGenerator.MARKER, "Makefile", "build.ninja", "compile_commands.json");

    private List<String> unlisted(Path buildDir, Set<String> listed) throws IOException {
        List<String> unlisted = new ArrayList<>();
        try (Stream<Path> files = Files.walk(buildDir)) {
            files.filter(f -> !Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS))
                    .filter(f -> !(f.getParent().equals(buildDir)
                            && GENERATED_BY_TRESTLE.contains(f.getFileName().toString())))
                    .map(this::relative)
                    .filter(f -> !listed.contains(f))
                    .sorted()
                    .forEach(unlisted::add);
        }
        return unlisted;
    }

    private static boolean isEmptyDirectory(Path dir) throws IOException {
        BasicFileAttributes attributes = attributes(dir);
        if (attributes == null || !attributes.isDirectory()) {
            return false;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private String relative(Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
