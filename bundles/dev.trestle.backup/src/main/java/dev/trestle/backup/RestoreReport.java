package dev.trestle.backup;

import java.util.List;

/**
 * What a restore wrote and what it would not.
 *
 * @param restored paths written with their content verified, mode and mtime set
 * @param damaged paths skipped because their content did not match the manifest
 * @param refused paths that would have been written outside the target, each with the reason
 * @param notFound requested paths that the archive does not hold
 */
public record RestoreReport(List<String> restored, List<String> damaged, List<String> refused, List<String> notFound) {
    public RestoreReport {
        restored = List.copyOf(restored);
        damaged = List.copyOf(damaged);
        refused = List.copyOf(refused);
        notFound = List.copyOf(notFound);
    }

    public boolean complete() {
        return damaged.isEmpty() && refused.isEmpty() && notFound.isEmpty();
    }
}
