package dev.trestle.backup;

import java.nio.file.Path;

/**
 * What {@link BackupService#repair} did.
 *
 * @param archive the archive
 * @param damagedBlocks how many of its blocks failed their checksums
 * @param repaired whether the archive was replaced by a copy with every damaged block restored, verified first
 * @param message what was done, or why nothing could be
 */
public record RepairReport(Path archive, int damagedBlocks, boolean repaired, String message) {}
