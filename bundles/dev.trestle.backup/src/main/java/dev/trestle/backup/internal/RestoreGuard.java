package dev.trestle.backup.internal;

import dev.trestle.backup.BackupService;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.safety.RestoreRisk;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The safety net before a restore over files: when the restore would replace files whose content differs from the
 * archive's, and no verified backup holds the target as it is now, it refuses and says how to go on (back up first
 * with {@code --backup-to DEST}, or {@code --force}). Replacing a file with what it already holds loses nothing.
 */
final class RestoreGuard {
    private final BackupService backups;

    RestoreGuard(BackupService backups) {
        this.backups = backups;
    }

    /** @throws CommandFailure (status 1) when the restore would replace changed files that no backup holds */
    void check(Path archive, Path target, Set<String> files) throws IOException {
        Optional<RestoreRisk> risk = new SourceBackupsImpl(backups).restoreRisk(archive, target, files);
        if (risk.isPresent()) {
            throw CommandFailure.finding("restoring would replace "
                    + risk.get().replaced().size()
                    + " changed file(s) in " + target + " (" + risk.get().sample() + ") and "
                    + risk.get().coverage().describe(Instant.now()) + "; back up first with --backup-to DEST,"
                    + " or add --force to replace them anyway");
        }
    }
}
