package dev.trestle.backup;

import java.nio.file.Path;
import java.util.List;

/**
 * A backup set of a project's file ({@code project.trestle}), resolved into what {@link BackupService#create(Path,
 * List, ArchiveFormat, Selection, Progress)} takes.
 *
 * @param name the set's name
 * @param root the project root, the source of every backup of the set
 * @param selection the set's sources and exclude patterns, plus every build output the project knows of
 * @param destinations where it goes, relative ones resolved against the project root; may name absent devices
 * @param format the archive format
 * @param keepLast how many backups of the set to keep at each destination, 0 for all
 */
public record BackupSetPlan(
        String name, Path root, Selection selection, List<Path> destinations, ArchiveFormat format, int keepLast) {
    public BackupSetPlan {
        destinations = List.copyOf(destinations);
    }
}
