package dev.trestle.backup;

import java.nio.file.Path;

/**
 * One file as an archive holds it, written out to be read beside its live copy.
 *
 * @param file where it was written
 * @param intact whether its content matched the manifest's digests (after repair, where the repair data covered
 *     the damage); false means it is shown as far as it could be decoded
 * @param note how it was obtained: intact, repaired from the repair data, or the damage that cut it short
 */
public record ArchiveCopy(Path file, boolean intact, String note) {}
