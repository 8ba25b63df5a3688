package dev.trestle.backup;

import dev.trestle.core.jobs.Progress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Creates, verifies and restores backups. An archive {@code NAME.tar.zst} comes with {@code NAME.tar.zst.index}
 * (its frames and members), {@code .sha256} and {@code .md5} (for {@code sha256sum -c}/{@code md5sum -c}) and, once
 * it has been read back from the destination and verified, {@code .good}.
 */
@ProviderType
public interface BackupService {
    /**
     * Repair data written with an archive unless asked otherwise, in percent of the archive's size: it repairs a
     * damaged run of up to about that share of the archive (bad sectors, a cut-off tail), or two damaged blocks in
     * any forty, for as much more space and under half a second of CPU time per gigabyte of sources archived.
     */
    int DEFAULT_REPAIR_PERCENT = 5;

    /**
     * Archives {@code source} on local disk, verifies it, copies it into {@code destination}, forces it to the device,
     * reads it back and verifies it again; only then records it as good and drops the local copy.
     *
     * @throws IOException on any read, write or sync error, or if a verification fails; the local copy is kept
     */
    default CreateResult create(Path source, Path destination, ArchiveFormat format) throws IOException {
        return create(source, destination, format, Selection.ALL);
    }

    /**
     * As {@link #create(Path, Path, ArchiveFormat)}, of the part of {@code source} that {@code selection} takes. The
     * selection is recorded with the archive, so that comparing it with the live tree later leaves out the same.
     */
    CreateResult create(Path source, Path destination, ArchiveFormat format, Selection selection) throws IOException;

    /**
     * As {@link #create(Path, Path, ArchiveFormat, Selection)}, reporting to {@code progress}: the bytes archived, of
     * a total from a first walk of the tree, then each step after. Cancelling stops it between files and before the
     * destination is touched; the staged copy is removed and nothing is recorded.
     *
     * @throws java.util.concurrent.CancellationException when cancelled
     */
    CreateResult create(Path source, Path destination, ArchiveFormat format, Selection selection, Progress progress)
            throws IOException;

    /**
     * As {@link #create(Path, Path, ArchiveFormat, Selection, Progress)}, with Reed–Solomon repair data of {@code
     * repairPercent} percent of the archive's size beside it ({@code NAME.repair}), or none for 0.
     *
     * @param repairPercent 0, or 1 to 50
     */
    CreateResult create(
            Path source,
            Path destination,
            ArchiveFormat format,
            Selection selection,
            Progress progress,
            int repairPercent)
            throws IOException;

    /**
     * Restores an archive's damaged blocks from its repair data, verifies the result in full and only then puts it
     * in the archive's place. More damage than the repair data covers is reported and the archive left as it is.
     */
    RepairReport repair(Path archive) throws IOException;

    /**
     * Archives and verifies once, then carries the archive to each destination in turn, as {@link #create} does to
     * one; a destination that fails does not stop the others. The staged copy is kept unless every one succeeded.
     *
     * @param progress as for {@link #create(Path, Path, ArchiveFormat, Selection, Progress)}; may be null
     * @return one delivery per destination, in their order
     * @throws IOException if the archive cannot be made or fails its own verification, before any destination
     */
    List<Delivery> create(
            Path source, List<Path> destinations, ArchiveFormat format, Selection selection, Progress progress)
            throws IOException;

    /**
     * Backs up a backup set: archived once and delivered to each of its destinations that is there now, as {@link
     * #create(Path, List, ArchiveFormat, Selection, Progress)} does; each destination that received it then keeps
     * only the set's last backups ({@link #prune}). One destination's failure does not stop the others.
     *
     * @param progress as for {@link #create(Path, Path, ArchiveFormat, Selection, Progress)}; may be null
     * @return one outcome per destination of the set, in its order
     */
    List<SetDelivery> create(BackupSetPlan set, Progress progress);

    /**
     * Keeps the {@code keepLast} newest verified backups of {@code source} at {@code destination} and removes the
     * older ones, with their index, manifests and good record, after dropping them from the destination's record so
     * that their absence is not later taken for damage. Archives of other sources, and archives never recorded as
     * good, are left alone.
     *
     * @return the archives removed, oldest first
     * @throws IOException if the destination is not the one recorded (nothing is removed then) or a file cannot be
     *     removed
     */
    List<Path> prune(Path destination, Path source, int keepLast) throws IOException;

    /**
     * The backup sets of the project at {@code projectRoot}, in the order its file lists them; none if it has no
     * project file or no set.
     *
     * @throws IOException if the project file cannot be read, or a set names an unknown format
     */
    List<BackupSetPlan> backupSets(Path projectRoot) throws IOException;

    /** Verifies one archive, reading it past the page cache where the file system allows. */
    default VerifyReport verify(Path archive) throws IOException {
        return verify(archive, Progress.SILENT);
    }

    /**
     * As {@link #verify(Path)}, telling {@code progress} the archive's bytes as they are checked.
     *
     * @throws java.util.concurrent.CancellationException once {@code progress} is cancelled, between frames
     */
    VerifyReport verify(Path archive, Progress progress) throws IOException;

    /** Verifies every archive in a destination, including those recorded as good whose file has gone. */
    default List<VerifyReport> verifyDestination(Path destination) throws IOException {
        return verifyDestination(destination, Progress.SILENT);
    }

    /**
     * As {@link #verifyDestination(Path)}, telling {@code progress} each archive's bytes as they are checked.
     *
     * @throws java.util.concurrent.CancellationException once {@code progress} is cancelled, between frames
     */
    List<VerifyReport> verifyDestination(Path destination, Progress progress) throws IOException;

    /**
     * Compares an archive's manifest with a live tree: what was added, removed, changed or only touched since. Never
     * fails for what it finds; a missing {@code liveRoot} is reported in the result.
     *
     * @throws IOException if the archive's index cannot be read
     */
    TreeComparison compare(Path archive, Path liveRoot) throws IOException;

    /**
     * The directory the archive was made from, as its good record names it; empty for archives recorded before
     * records named their source, and for archives never recorded as good.
     */
    Optional<Path> recordedSource(Path archive) throws IOException;

    /**
     * Restores the named files (all if {@code files} is empty) into {@code target}, which nothing escapes: absolute
     * paths, {@code ..} and paths through symbolic links are refused. Damaged files are skipped and reported.
     */
    default RestoreReport restore(Path archive, Path target, Set<String> files) throws IOException {
        return restore(archive, target, files, Progress.SILENT);
    }

    /**
     * As {@link #restore(Path, Path, Set)}, telling {@code progress} the bytes of the archive read and the files
     * done. A restore cancelled stops between frames: every file it wrote is whole, the rest is not there.
     *
     * @throws java.util.concurrent.CancellationException once {@code progress} is cancelled
     */
    RestoreReport restore(Path archive, Path target, Set<String> files, Progress progress) throws IOException;

    /**
     * Writes the archive's copy of {@code file} into {@code directory} under its own name, to be read beside the live
     * copy: repaired where the repair data covers the damage, else as much of it as decodes, even when damaged.
     *
     * @throws java.nio.file.NoSuchFileException if the archive lists no regular file {@code file}
     */
    ArchiveCopy copyOf(Path archive, String file, Path directory) throws IOException;

    /** Every destination backed up to from this machine, with its newest verified backup, from the local state. */
    List<DestinationStatus> status() throws IOException;
}
