package dev.trestle.backup;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A backup set's outcome at one of its destinations ({@link BackupService#create(BackupSetPlan, Progress)}).
 *
 * @param result the verified backup there, if it reached it
 * @param failure why it did not: the destination is not there, or the backup failed
 * @param pruned the set's older backups removed there, oldest first
 * @param pruneFailure why removing the older backups failed, after the new one was verified
 */
public record SetDelivery(
        Path destination,
        Optional<CreateResult> result,
        Optional<String> failure,
        List<Path> pruned,
        Optional<String> pruneFailure) {
    public SetDelivery {
        pruned = List.copyOf(pruned);
    }
}
