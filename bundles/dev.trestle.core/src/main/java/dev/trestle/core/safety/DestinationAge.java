package dev.trestle.core.safety;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * A backup destination and its newest backup that was read back and verified there.
 *
 * @param newestArchive its file name, empty if no backup was ever verified there
 * @param newestVerified when, empty if never
 */
public record DestinationAge(Path destination, Optional<String> newestArchive, Optional<Instant> newestVerified) {}
