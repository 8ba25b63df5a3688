package dev.trestle.backup.ui.internal;

import java.nio.file.Path;
import java.util.List;

/**
 * A destination and its archives.
 *
 * @param destination the directory
 * @param present false when the directory is gone (a disk not mounted)
 * @param problems what the last verification found wrong with the destination as a whole
 */
record DestinationState(Path destination, boolean present, List<ArchiveState> archives, List<String> problems) {
    DestinationState {
        archives = List.copyOf(archives);
        problems = List.copyOf(problems);
    }
}
