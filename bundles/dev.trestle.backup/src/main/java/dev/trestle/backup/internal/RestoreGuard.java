package dev.trestle.backup.internal;

import dev.trestle.backup.BackupService;
import dev.trestle.backup.TreeComparison;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.safety.BackupCoverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
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
        if (!Files.isDirectory(target)) {
            return; // a fresh target: nothing to replace
        }
        TreeComparison comparison = backups.compare(archive, target);
        List<String> replaced = comparison.changed().stream()
                .filter(path ->
                        files.isEmpty() || files.stream().anyMatch(f -> path.equals(f) || path.startsWith(f + "/")))
                .toList();
        if (replaced.isEmpty()) {
            return;
        }
        BackupCoverage coverage = new SourceBackupsImpl(backups).coverage(target, Set.of("build/"));
        if (coverage.current()) {
            return;
        }
        int shown = Math.min(3, replaced.size());
        throw CommandFailure.finding("restoring would replace " + replaced.size() + " changed file(s) in " + target
                + " (" + String.join(", ", replaced.subList(0, shown)) + (replaced.size() > shown ? ", …" : "")
                + ") and " + coverage.describe(Instant.now()) + "; back up first with --backup-to DEST,"
                + " or add --force to replace them anyway");
    }
}
