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
 */
public record VerifyReport(
        Path archive, List<String> damaged, List<String> restorable, List<String> problems, boolean readBypassedCache) {
    public VerifyReport {
        damaged = List.copyOf(damaged);
        restorable = List.copyOf(restorable);
        problems = List.copyOf(problems);
    }

    /** Nothing damaged and nothing wrong with the archive as a whole. */
    public boolean intact() {
        return damaged.isEmpty() && problems.isEmpty();
    }
}
