package dev.trestle.backup.internal.archive;

import dev.trestle.backup.Selection;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** Decides, path by path, what a {@link Selection} takes; its globs are compiled once for a whole tree. */
public final class SelectionFilter {
    private final List<String> roots;
    private final List<PathMatcher> excludes = new ArrayList<>();

    public SelectionFilter(Selection selection) {
        this.roots = selection.roots();
        for (String pattern : selection.excludes()) {
            String glob = pattern;
            while (glob.startsWith("./")) {
                glob = glob.substring(2);
            }
            while (glob.endsWith("/")) {
                glob = glob.substring(0, glob.length() - 1);
            }
            excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            if (glob.startsWith("**/")) {
                excludes.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
    }

    /** Whether {@code path} is taken; a directory that only leads to a root is taken so that the root can be. */
    public boolean takes(String path, boolean directory) {
        if (!excludes.isEmpty()) {
            Path relative = Path.of(path);
            for (PathMatcher matcher : excludes) {
                if (matcher.matches(relative)) {
                    return false;
                }
            }
        }
        if (roots.isEmpty()) {
            return true;
        }
        for (String root : roots) {
            if (path.equals(root) || path.startsWith(root + "/") || (directory && root.startsWith(path + "/"))) {
                return true;
            }
        }
        return false;
    }
}
