package dev.trestle.editor.ui.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a pattern in every text file of a project, as the find bar does in one file: the files the editor would open
 * (text up to {@link FileContent#MAX_SIZE}, read as the editor reads it), not build outputs, version-control data or
 * binaries. Files too large or unreadable are listed as skipped, never silently taken for "no match".
 */
final class ProjectSearch {
    /** Directories that hold no sources: build outputs and version control. */
    static final Set<String> SKIPPED_DIRECTORIES = Set.of("build", ".git", ".hg", ".svn", "node_modules");
    /** Enough for any real search; a pattern matching everything stops here instead of filling the heap. */
    static final int MAX_HITS = 10_000;

    /** One match: its file, 1-based line, 0-based column in the line, and the line's text. */
    record Hit(Path file, int line, int column, String lineText) {}

    /** What a search found, and the files it passed over and why. */
    record Result(List<Hit> hits, int filesSearched, List<String> skipped, boolean truncated) {}

    private ProjectSearch() {}

    static Result find(Path root, Pattern pattern, BooleanSupplier cancelled) throws IOException {
        return find(root, pattern, Map.of(), cancelled);
    }

    /** Searches {@code unsaved}'s text instead of the disk's for the files open with changes in editors. */
    static Result find(Path root, Pattern pattern, Map<Path, String> unsaved, BooleanSupplier cancelled)
            throws IOException {
        List<Hit> hits = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        int[] searched = {0};
        boolean[] truncated = {false};
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                return !dir.equals(root) && SKIPPED_DIRECTORIES.contains(name)
                        ? FileVisitResult.SKIP_SUBTREE
                        : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                if (cancelled.getAsBoolean()) {
                    return FileVisitResult.TERMINATE;
                }
                if (!attributes.isRegularFile()) {
                    return FileVisitResult.CONTINUE;
                }
                if (attributes.size() > FileContent.MAX_SIZE) {
                    skipped.add(root.relativize(file) + ": larger than " + (FileContent.MAX_SIZE >> 20) + " MB");
                    return FileVisitResult.CONTINUE;
                }
                String text = unsaved.containsKey(file) ? unsaved.get(file) : textOf(file);
                if (text == null) {
                    return FileVisitResult.CONTINUE; // binary: not a file to search
                }
                searched[0]++;
                if (!collect(file, text, pattern, hits)) {
                    truncated[0] = true;
                    return FileVisitResult.TERMINATE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                skipped.add(root.relativize(file) + ": " + e.getMessage());
                return FileVisitResult.CONTINUE;
            }
        });
        return new Result(hits, searched[0], skipped, truncated[0]);
    }

    /** The file's text as the editor reads it (UTF-8, else Latin-1), or null when it is binary (a NUL byte). */
    static String textOf(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8192);
            for (byte b : head) {
                if (b == 0) {
                    return null;
                }
            }
        }
        return FileContent.read(file).text();
    }

    /** Adds the matches of {@code text}; false when {@link #MAX_HITS} was reached. */
    private static boolean collect(Path file, String text, Pattern pattern, List<Hit> hits) {
        Matcher matcher = pattern.matcher(text);
        int line = 1;
        int lineStart = 0;
        int scanned = 0;
        int from = 0;
        while (from <= text.length() && matcher.find(from)) {
            for (; scanned < matcher.start(); scanned++) {
                if (text.charAt(scanned) == '\n') {
                    line++;
                    lineStart = scanned + 1;
                }
            }
            int lineEnd = text.indexOf('\n', matcher.start());
            String lineText = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
            hits.add(new Hit(file, line, matcher.start() - lineStart, lineText.stripTrailing()));
            if (hits.size() >= MAX_HITS) {
                return false;
            }
            // past an empty match by one char, so that it is not found again
            from = matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
        }
        return true;
    }
}
