package dev.trestle.core.safety;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * How well a source tree is covered by its newest verified backup.
 *
 * @param root the source tree asked about
 * @param archive the newest verified archive of it, empty when there is none
 * @param verified when that archive was last read back and verified at its destination
 * @param changedSince project-relative paths added, removed or changed in content since that archive, sorted; empty
 *     when there is no archive
 */
public record BackupCoverage(Path root, Optional<Path> archive, Optional<Instant> verified, List<String> changedSince) {
    public BackupCoverage {
        changedSince = List.copyOf(changedSince);
    }

    /** Coverage of a tree that has never been backed up and verified. */
    public static BackupCoverage none(Path root) {
        return new BackupCoverage(root, Optional.empty(), Optional.empty(), List.of());
    }

    /** A verified backup exists and nothing that counts changed since it was made. */
    public boolean current() {
        return archive.isPresent() && changedSince.isEmpty();
    }

    /** One line for a person: what is covered, or why not. */
    public String describe(Instant now) {
        if (archive.isEmpty()) {
            return "no verified backup of " + root;
        }
        String age = verified.map(v -> " verified " + Ages.of(Duration.between(v, now)) + " ago")
                .orElse("");
        String newest = "newest verified backup " + archive.get().getFileName() + age;
        if (changedSince.isEmpty()) {
            return newest + "; nothing changed since";
        }
        return newest + " is older than the last change: " + changedSince.size() + " changed since ("
                + sample(changedSince) + ")";
    }

    /** The first three of {@code paths}, and an ellipsis when there are more. */
    static String sample(List<String> paths) {
        int shown = Math.min(3, paths.size());
        return String.join(", ", paths.subList(0, shown)) + (paths.size() > shown ? ", …" : "");
    }
}
