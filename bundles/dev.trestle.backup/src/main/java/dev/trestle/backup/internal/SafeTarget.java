package dev.trestle.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps a restore inside its target directory. A name from an archive is untrusted input: it may be absolute, climb
 * out with {@code ..}, or lead through a symbolic link that an earlier member planted, to anywhere. Every check
 * answers with the reason a path is refused, or {@code null}.
 */
final class SafeTarget {
    private final Path root;
    /** Relative paths of directories this restore made or found real, none reached through a link. */
    private final Set<String> realDirectories = new HashSet<>();

    SafeTarget(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Refuses names that are not plain relative paths: checked before anything is created. */
    static String checkName(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.indexOf('\0') >= 0) {
            return "absolute or empty path";
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                return "path component '" + part + "' could leave the target";
            }
        }
        return null;
    }

    /**
     * Refuses only a link to nothing. A link is restored as it was stored, wherever it points, as tar and restic
     * restore it: a tree's link to {@code ../shared} or {@code /etc} is part of the tree. What keeps the restore in
     * the target is that nothing is ever written through a link ({@link #prepareParents}), nor its attributes set.
     */
    static String checkLink(String link) {
        return link.isEmpty() || link.indexOf('\0') >= 0 ? "symbolic link to an empty or unreadable path" : null;
    }

    Path resolve(String name) {
        return root.resolve(name);
    }

    /**
     * Creates the parent directories of {@code name} and refuses if any existing component is not a real directory:
     * a file written through a symbolic link lands wherever the link points. A directory found real or made here is
     * remembered until something else is written at its name, so a tree of thousands of files costs one look per
     * directory rather than several per file.
     */
    String prepareParents(String name) throws IOException {
        int end = name.lastIndexOf('/');
        if (end < 0 || realDirectories.contains(name.substring(0, end))) {
            return null;
        }
        Path current = root;
        for (int from = 0, slash; from <= end; from = slash + 1) {
            slash = name.indexOf('/', from);
            current = current.resolve(name.substring(from, slash));
            String directory = name.substring(0, slash);
            if (realDirectories.contains(directory)) {
                continue;
            }
            BasicFileAttributes attributes = attributesOrNull(current);
            if (attributes == null) {
                Files.createDirectory(current);
            } else if (attributes.isSymbolicLink()) {
                return "passes through symbolic link " + root.relativize(current);
            } else if (!attributes.isDirectory()) {
                return root.relativize(current) + " is not a directory";
            }
            realDirectories.add(directory);
        }
        return null;
    }

    /** Makes {@code name} a directory unless it is one; one that is anything else fails the restore. */
    void makeDirectory(String name) throws IOException {
        if (realDirectories.contains(name)) {
            return;
        }
        Path path = resolve(name);
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(path);
        }
        realDirectories.add(name);
    }

    /** Something other than a directory was written at {@code name}: neither it nor anything under it is one now. */
    void replaced(String name) {
        if (realDirectories.remove(name)) {
            String under = name + "/";
            realDirectories.removeIf(directory -> directory.startsWith(under));
        }
    }

    private static BasicFileAttributes attributesOrNull(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        }
    }
}
