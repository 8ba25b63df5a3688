package dev.trestle.backup;

import java.util.List;

/**
 * What a restore wrote and what it would not.
 *
 * @param restored paths written with their content verified, mode and mtime set
 * @param damaged paths skipped because their content did not match the manifest
 * @param refused paths that would have been written outside the target, each with the reason
 * @param notFound requested paths that the archive does not hold
 * @param failed paths the target would not take, each with the reason: a name or a link its file system refuses, a
 *     directory it will not write in, a mode it will not set. The restore goes on past them; it stops only when
 *     content cannot be written (a full disk), and then with an exception.
 */
public record RestoreReport(
        List<String> restored, List<String> damaged, List<String> refused, List<String> notFound, List<String> failed) {
    public RestoreReport {
        restored = List.copyOf(restored);
        damaged = List.copyOf(damaged);
        refused = List.copyOf(refused);
        notFound = List.copyOf(notFound);
        failed = List.copyOf(failed);
    }

    /** A report of a restore the target took whole. */
    public RestoreReport(List<String> restored, List<String> damaged, List<String> refused, List<String> notFound) {
        this(restored, damaged, refused, notFound, List.of());
    }

    public boolean complete() {
        return damaged.isEmpty() && refused.isEmpty() && notFound.isEmpty() && failed.isEmpty();
    }
}
