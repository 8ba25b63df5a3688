package dev.trestle.backup.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Keeps a restore inside its target directory. A name from an archive is untrusted input: it may be absolute, climb
 * out with {@code ..}, or lead through a symbolic link that an earlier member planted. Every check answers with the
 * reason a path is refused, or {@code null}.
 */
final class SafeTarget {
    private final Path root;

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

    /** Refuses link targets that are absolute or resolve outside the root, from where the link would stand. */
    String checkLink(String name, String link) {
        if (link.isEmpty() || link.startsWith("/")) {
            return "symbolic link to absolute path " + link;
        }
        Path resolved = resolve(name).getParent().resolve(link).normalize();
        return resolved.startsWith(root) ? null : "symbolic link " + link + " points outside the target";
    }

    Path resolve(String name) {
        return root.resolve(name);
    }

    /**
     * Creates the parent directories of {@code name} and refuses if any existing component is not a real directory:
     * a file written through a symbolic link lands wherever the link points.
     */
    String prepareParents(String name) throws IOException {
        Path current = root;
        String[] parts = name.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            current = current.resolve(parts[i]);
            if (Files.isSymbolicLink(current)) {
                return "passes through symbolic link " + root.relativize(current);
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
            } else if (!Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
                return root.relativize(current) + " is not a directory";
            }
        }
        return null;
    }
}
