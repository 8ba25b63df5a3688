package dev.trestle.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A backup that was written, read back and verified at its destination.
 *
 * @param archive the archive at the destination
 * @param files regular files archived
 * @param bytes their total size
 * @param readBackBypassedCache false where the destination refused {@code O_DIRECT} (tmpfs does): the read-back
 *     then came from the page cache and proves less
 * @param skipped paths not archived (sockets, devices, fifos), each with the reason
 */
public record CreateResult(Path archive, int files, long bytes, boolean readBackBypassedCache, List<String> skipped) {
    public CreateResult {
        skipped = List.copyOf(skipped);
    }
}
