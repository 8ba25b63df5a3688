package dev.trestle.backup;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * What this machine recorded about a destination: its newest backup that was read back and verified there.
 *
 * @param destination the destination directory
 * @param newestArchive the file name of the newest verified archive, empty if none was ever verified
 * @param newestVerified when it was verified, empty if never
 */
public record DestinationStatus(Path destination, Optional<String> newestArchive, Optional<Instant> newestVerified) {}
