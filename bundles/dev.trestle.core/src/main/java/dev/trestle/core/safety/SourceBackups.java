package dev.trestle.core.safety;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Answers whether a source tree is covered by a verified backup, and makes one. Offered by the backup capability;
 * a caller that finds no such service says so instead of pretending the sources are safe.
 */
@ProviderType
public interface SourceBackups {
    /** Where Trestle's builds write (outputs, traces): changes there are not changes to the sources. */
    Set<String> BUILD_DIRECTORIES = Set.of("build/");

    /** {@link #coverage(Path, Set)} with changes in {@link #BUILD_DIRECTORIES} not counted. */
    default BackupCoverage coverage(Path root) throws IOException {
        return coverage(root, BUILD_DIRECTORIES);
    }

    /**
     * The newest backup of {@code root} that was read back from its destination and verified, compared with the live
     * tree.
     *
     * @param ignoredPrefixes project-relative path prefixes (such as {@code build/}) whose changes do not count:
     *     build outputs and state that is rebuilt anyway
     * @throws IOException if the local backup records cannot be read
     */
    BackupCoverage coverage(Path root, Set<String> ignoredPrefixes) throws IOException;

    /**
     * Makes a staged, verified backup of {@code root} at {@code destination}, as {@code backup create} does.
     *
     * @return the archive written, once it is recorded as good
     * @throws IOException if any step fails; nothing is then recorded as good
     */
    Path backUp(Path root, Path destination) throws IOException;

    /**
     * What restoring {@code archive} into {@code target} would lose: the files it would replace whose content
     * differs from the archive's, when no verified backup holds the target as it is now. Empty when nothing would be
     * lost, also for a target that does not exist.
     *
     * @param files the paths (files or directories) to be restored; all when empty
     */
    Optional<RestoreRisk> restoreRisk(Path archive, Path target, Set<String> files) throws IOException;

    /** Every destination this machine backed up to, with the age of its newest verified backup. */
    List<DestinationAge> destinations() throws IOException;
}
