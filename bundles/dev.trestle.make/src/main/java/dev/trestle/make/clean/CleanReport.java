package dev.trestle.make.clean;

import java.nio.file.Path;
import java.util.List;

/**
 * What a clean did. Paths are project-relative.
 *
 * @param buildDir the platform's build directory
 * @param removed listed outputs that were removed (or would be, in a dry run)
 * @param refused listed outputs left alone, each with the reason: outside the build directory, reached through a
 *     symbolic link, or a directory
 * @param removedDirectories directories of the build that were left empty and removed
 * @param unlisted files in the build directory that the model does not list as outputs; never removed
 * @param dryRun true if nothing was removed
 */
public record CleanReport(
        Path buildDir,
        List<String> removed,
        List<String> refused,
        List<String> removedDirectories,
        List<String> unlisted,
        boolean dryRun) {
    public CleanReport {
        removed = List.copyOf(removed);
        refused = List.copyOf(refused);
        removedDirectories = List.copyOf(removedDirectories);
        unlisted = List.copyOf(unlisted);
    }

    /** A few lines for a person. */
    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(dryRun ? "would remove " : "removed ")
                .append(removed.size())
                .append(removed.size() == 1 ? " build output" : " build outputs")
                .append(" from ")
                .append(buildDir)
                .append('\n');
        refused.forEach(r -> out.append("refused: ").append(r).append('\n'));
        if (!unlisted.isEmpty()) {
            out.append("kept ")
                    .append(unlisted.size())
                    .append(" file(s) the project model does not list as build outputs, e.g. ")
                    .append(unlisted.get(0))
                    .append('\n');
        }
        return out.toString();
    }
}
