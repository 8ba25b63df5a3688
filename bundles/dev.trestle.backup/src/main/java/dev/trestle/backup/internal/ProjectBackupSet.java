package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.BackupSetPlan;
import dev.trestle.backup.Selection;
import dev.trestle.model.BackupSet;
import dev.trestle.model.Project;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Backup sets from a project's file, resolved into what {@code create} takes: the project root as the source, the
 * set's roots, its exclude patterns plus every build output the project knows of, and its destinations (relative
 * ones against the project root), and how many backups it keeps at each (0: all).
 */
final class ProjectBackupSet {
    private ProjectBackupSet() {}

    /**
     * @param name the set's name, or null for the project's only set
     * @throws IOException if the project file cannot be read or does not hold the set, saying what it holds
     */
    static BackupSetPlan load(Path projectRoot, String name) throws IOException {
        Project project = ProjectStore.load(projectRoot);
        List<String> names =
                project.getBackupSets().stream().map(BackupSet::getName).toList();
        if (names.isEmpty()) {
            throw new IOException("project " + projectRoot + " has no backup set in " + ProjectStore.fileOf(projectRoot)
                    + " (make one: backup set " + projectRoot + " NAME --destination DIR)");
        }
        BackupSet set;
        if (name == null) {
            if (names.size() > 1) {
                throw new IOException("project " + projectRoot + " has several backup sets, name one with --set: "
                        + String.join(", ", names));
            }
            set = project.getBackupSets().get(0);
        } else {
            set = project.getBackupSets().stream()
                    .filter(s -> name.equals(s.getName()))
                    .findFirst()
                    .orElseThrow(() -> new IOException("project " + projectRoot + " has no backup set '" + name
                            + "', only: " + String.join(", ", names)));
        }
        if (set.getDestinations().isEmpty()) {
            throw new IOException("backup set '" + set.getName() + "' of " + projectRoot + " names no destination");
        }
        return plan(projectRoot, project, set);
    }

    /** Every set of the project, in its file's order; none without a project file. */
    static List<BackupSetPlan> all(Path projectRoot) throws IOException {
        if (!ProjectStore.exists(projectRoot)) {
            return List.of();
        }
        Project project = ProjectStore.load(projectRoot);
        List<BackupSetPlan> plans = new ArrayList<>();
        for (BackupSet set : project.getBackupSets()) {
            plans.add(plan(projectRoot, project, set));
        }
        return plans;
    }

    private static BackupSetPlan plan(Path projectRoot, Project project, BackupSet set) throws IOException {
        String formatName = set.getFormat() == null || set.getFormat().isEmpty() ? "tar.zst" : set.getFormat();
        ArchiveFormat format = ArchiveFormat.named(formatName)
                .orElseThrow(() -> new IOException("backup set '" + set.getName() + "' names an unknown format "
                        + formatName + ": use tar.zst or tar.bz2"));
        Path root = projectRoot.toAbsolutePath().normalize();
        List<Path> destinations = set.getDestinations().stream()
                .map(d -> root.resolve(d).normalize())
                .toList();
        return new BackupSetPlan(
                set.getName(),
                root,
                new Selection(set.getSourceRoots(), set.getExcludePatterns()).withoutBuildOutputs(project),
                destinations,
                format,
                Math.max(0, set.getKeepLast()));
    }
}
