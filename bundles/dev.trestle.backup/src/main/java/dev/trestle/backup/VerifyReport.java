package dev.trestle.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * What reading an archive back showed.
 *
 * @param archive the archive verified
 * @param damaged paths whose content cannot be restored intact, each as listed in the manifest
 * @param restorable paths whose content matched their SHA-256 and MD5
 * @param problems damage that is not one file's: truncation, trailing data, a broken frame or index
 * @param readBypassedCache false where the file system refused {@code O_DIRECT}, so the bytes may be the page
 *     cache's rather than the device's
 * @param repairable the archive is damaged, and its repair data ({@code NAME.repair}) restores every damaged block:
 *     {@link BackupService#repair} makes it whole, and restore uses the repair data by itself
 */
public record VerifyReport(
        Path archive,
        List<String> damaged,
        List<String> restorable,
        List<String> problems,
        boolean readBypassedCache,
        boolean repairable) {
    public VerifyReport {
        damaged = List.copyOf(damaged);
        restorable = List.copyOf(restorable);
        problems = List.copyOf(problems);
    }

    /** A report on an archive without repair data, or whose damage it cannot restore. */
    public VerifyReport(
            Path archive,
            List<String> damaged,
            List<String> restorable,
            List<String> problems,
            boolean readBypassedCache) {
        this(archive, damaged, restorable, problems, readBypassedCache, false);
    }

    /** Nothing damaged and nothing wrong with the archive as a whole. */
    public boolean intact() {
        return damaged.isEmpty() && problems.isEmpty();
    }
}
