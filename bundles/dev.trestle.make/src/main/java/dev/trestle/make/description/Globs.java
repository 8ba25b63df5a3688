package dev.trestle.make.description;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The source globs of a description. Unlike {@code java.nio}'s glob, {@code **&#47;} also matches no directory at
 * all, so {@code **&#47;*.c} includes {@code main.c} at the root, as a person expects.
 */
public final class Globs {
    private Globs() {}

    public static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (glob.startsWith("**/", i)) {
                regex.append("(?:[^/]*/)*");
                i += 2;
            } else if (glob.startsWith("**", i)) {
                regex.append(".*");
                i++;
            } else if (c == '*') {
                regex.append("[^/]*");
            } else if (c == '?') {
                regex.append("[^/]");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }

    /** The files of a target, project-relative with '/', sorted; never below a hidden directory or {@code build/}. */
    public static List<String> expand(Path root, TargetSpec target) throws IOException {
        List<Pattern> include = target.sources().stream().map(Globs::compile).toList();
        List<Pattern> exclude = target.excludes().stream().map(Globs::compile).toList();
        List<String> matched = new ArrayList<>();
        // only the directories a glob could match below are walked: git's sources are 4,000 files, its units' globs
        // reach a tenth of them
        for (String file : files(root, dir -> include.stream().anyMatch(p -> couldMatchBelow(p, dir)))) {
            if (include.stream().anyMatch(p -> p.matcher(file).matches())
                    && exclude.stream().noneMatch(p -> p.matcher(file).matches())) {
                matched.add(file);
            }
        }
        return matched;
    }

    /**
     * Whether some file below {@code prefix} (a project-relative directory ending in '/', or empty for the root)
     * could match {@code glob}.
     */
    public static boolean couldMatchBelow(Pattern glob, String prefix) {
        var matcher = glob.matcher(prefix);
        return matcher.matches() || matcher.hitEnd();
    }

    /** The file {@code make generate} writes into every build directory it creates. */
    public static final String BUILD_DIRECTORY_MARKER = ".trestle-build-dir";

    /**
     * Whether {@code dir} holds build outputs rather than sources: {@code root/build}, or a directory with Trestle's
     * marker (a build directory chosen with {@code --build-dir}). Globs never reach into one.
     */
    public static boolean isBuildDirectory(Path root, Path dir) {
        return dir.equals(root.resolve("build")) || Files.isRegularFile(dir.resolve(BUILD_DIRECTORY_MARKER));
    }

    /** Every regular file below {@code root} that a glob may match, sorted. */
    public static List<String> files(Path root) throws IOException {
        return files(root, dir -> true);
    }

    /** {@link #files(Path)} in the directories {@code enter} accepts, given as {@link #couldMatchBelow} has them. */
    private static List<String> files(Path root, Predicate<String> enter) throws IOException {
        List<String> files = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(root)) {
                    return FileVisitResult.CONTINUE;
                }
                String name = dir.getFileName().toString();
                boolean skip = name.startsWith(".")
                        || !enter.test(root.relativize(dir).toString().replace('\\', '/') + "/")
                        || isBuildDirectory(root, dir);
                return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile() && !file.getFileName().toString().startsWith(".")) {
                    files.add(root.relativize(file).toString().replace('\\', '/'));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return files;
    }
}
