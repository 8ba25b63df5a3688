package dev.trestle.backup.ui.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One archive as the Backups view shows it.
 *
 * @param archive the archive file
 * @param status what is known of it
 * @param verified when it was last read back and verified at its destination, if ever
 * @param source the directory it was made from, if its good record names it
 * @param damaged files that cannot be restored intact, by the last verification in this session
 * @param problems damage that is not one file's
 * @param repairable damaged, and its repair data restores every damaged block ({@link BackupsModel#repair})
 */
record ArchiveState(
        Path archive,
        Status status,
        Optional<Instant> verified,
        Optional<Path> source,
        List<String> damaged,
        List<String> problems,
        boolean repairable) {
    enum Status {
        VERIFIED("verified"),
        DAMAGED("damaged"),
        REPAIRABLE("damaged, repairable"),
        UNVERIFIED("unverified"),
        MISSING("archive missing");

        final String label;

        Status(String label) {
            this.label = label;
        }
    }

    ArchiveState {
        damaged = List.copyOf(damaged);
        problems = List.copyOf(problems);
    }

    ArchiveState(
            Path archive,
            Status status,
            Optional<Instant> verified,
            Optional<Path> source,
            List<String> damaged,
            List<String> problems) {
        this(archive, status, verified, source, damaged, problems, false);
    }

    boolean damagedAtAll() {
        return status == Status.DAMAGED || status == Status.REPAIRABLE;
    }

    String name() {
        return archive.getFileName().toString();
    }
}
