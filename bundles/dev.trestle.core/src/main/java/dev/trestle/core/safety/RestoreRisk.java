package dev.trestle.core.safety;

import java.nio.file.Path;
import java.util.List;

/**
 * What a restore would lose: the changed files of {@code target} it would replace, while no verified backup holds the
 * target as it is now.
 *
 * @param replaced project-relative paths whose content differs from the archive's, sorted; never empty
 * @param coverage the target's newest verified backup, which is not current
 */
public record RestoreRisk(Path target, List<String> replaced, BackupCoverage coverage) {
    public RestoreRisk {
        replaced = List.copyOf(replaced);
    }

    /** The first few replaced paths, for a message. */
    public String sample() {
        return BackupCoverage.sample(replaced);
    }
}
