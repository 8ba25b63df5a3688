package dev.trestle.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What changed in a live tree since an archive was made from it, by the archive's manifest. A file whose size and
 * mtime match is taken as unchanged without reading it; one whose size matches but whose mtime does not is read, and
 * its SHA-256 tells content changed from merely touched. Directories count as present or not: their mtimes change
 * with every file added or removed in them.
 *
 * @param archive the archive whose manifest was compared
 * @param liveRoot the live tree compared with
 * @param liveRootFound false if there is no directory at {@code liveRoot}: then nothing was compared and every list
 *     is empty
 * @param added paths in the live tree the archive does not have, sorted
 * @param removed paths in the archive no longer in the live tree, sorted
 * @param changed paths whose content, type, link target or mode differ, sorted
 * @param touched files with the archived content but another mtime, sorted
 * @param unchanged how many archived paths are in the live tree as they were
 * @param problems live paths that could not be read, each with the reason; they count in none of the above
 */
public record TreeComparison(
        Path archive,
        Path liveRoot,
        boolean liveRootFound,
        List<String> added,
        List<String> removed,
        List<String> changed,
        List<String> touched,
        int unchanged,
        List<String> problems) {
    public TreeComparison {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        changed = List.copyOf(changed);
        touched = List.copyOf(touched);
        problems = List.copyOf(problems);
    }

    /** The live tree exists and holds what the archive holds, with nothing added. */
    public boolean same() {
        return liveRootFound
                && added.isEmpty()
                && removed.isEmpty()
                && changed.isEmpty()
                && touched.isEmpty()
                && problems.isEmpty();
    }
}
