package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.Selection;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.backup.internal.archive.TreeArchiver;
import dev.trestle.backup.internal.io.DurableCopy;
import dev.trestle.backup.internal.io.FollowingCopy;
import dev.trestle.backup.internal.io.ReadBack;
import dev.trestle.backup.internal.repair.RepairData;
import dev.trestle.core.jobs.Progress;
import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The author's wish from the blog, step by step: build the archive on local disk, verify it, copy it to the
 * destination, force it and its directory, read it back past the cache, verify again, and only then record it as good
 * and drop the local copy. Any failure leaves the staged copy where it is and nothing recorded as good.
 */
final class StagedCreate {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private StagedCreate() {}

    static CreateResult run(
            Path source,
            Path destination,
            ArchiveFormat format,
            Selection selection,
            Progress progress,
            Path staging,
            long frameBytes,
            int repairPercent,
            DestinationGuard guard)
            throws IOException {
        Delivered delivered = toEach(
                        source,
                        List.of(destination),
                        format,
                        selection,
                        progress,
                        staging,
                        frameBytes,
                        repairPercent,
                        guard)
                .get(0);
        if (delivered.failure() != null) {
            throw delivered.failure();
        }
        return delivered.result();
    }

    /** One destination's outcome: the result, or the failure. */
    record Delivered(Path destination, CreateResult result, IOException failure) {}

    /**
     * Archives and verifies once, then carries the staged copy to each destination in turn; one that fails does not
     * stop the others. The staged copy is dropped only when every destination holds a verified copy.
     *
     * @throws IOException if the archive cannot be made or fails its own verification
     */
    static List<Delivered> toEach(
            Path source,
            List<Path> destinations,
            ArchiveFormat format,
            Selection selection,
            Progress progress,
            Path staging,
            long frameBytes,
            int repairPercent,
            DestinationGuard guard)
            throws IOException {
        Files.createDirectories(staging);
        String stem =
                source.getFileName() + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        String name = stem + "." + format.suffix();
        // a second run within the same second, or one after a run that died and left its staged copy
        for (int n = 2; taken(name, staging, destinations); n++) {
            name = stem + "-" + n + "." + format.suffix();
        }
        Path staged = staging.resolve(name);
        FollowingCopy following = destinations.isEmpty() ? null : following(staged, destinations.get(0), guard);
        TreeArchiver.Written written;
        // written once the archive file is complete, while its index is written, the rest of it is copied to the
        // first destination and read back: those wait for the device
        AtomicReference<RepairJob> repairing = new AtomicReference<>();
        try {
            if (progress != null) {
                progress.begin("Archiving " + source, TreeArchiver.size(source, selection));
            }
            written = TreeArchiver.archive(
                    source,
                    staged,
                    format,
                    frameBytes,
                    selection,
                    progress,
                    following == null ? bytes -> {} : following::advance,
                    () -> {
                        if (repairPercent > 0) {
                            repairing.set(RepairJob.start(staged, repairPercent));
                        }
                    });
            step(progress, "Verifying the staged copy " + staged);
        } catch (CancellationException e) {
            // a cancelled archive is half an archive: unlike a failed copy's, there is nothing worth keeping
            RepairJob.finish(repairing.get());
            abandon(following);
            deleteStaged(staged);
            throw e;
        } catch (IOException | RuntimeException e) {
            RepairJob.finish(repairing.get());
            abandon(following);
            throw e;
        }
        RepairJob repair = repairing.get();
        ArchiveIndex index = written.index();
        // every frame was decompressed and held against the index as it was written (TreeArchiver.Written)
        try {
            requireIntact(ArchiveVerifier.report(staged, index, written.checked(), false), "staged copy " + staged);
        } catch (IOException | RuntimeException e) {
            RepairJob.finish(repair);
            abandon(following);
            throw e;
        }
        try {
            // the last point at which a cancel leaves every destination as it was
            progress(progress);
        } catch (CancellationException e) {
            RepairJob.finish(repair);
            abandon(following);
            deleteStaged(staged);
            throw e;
        }
        List<Delivered> delivered = new ArrayList<>();
        for (Path destination : destinations) {
            if (progress != null) {
                progress.step("Copying to " + destination);
            }
            try {
                delivered.add(new Delivered(
                        destination,
                        deliver(
                                source,
                                destination,
                                selection,
                                staged,
                                written,
                                repair,
                                progress,
                                guard,
                                delivered.isEmpty() ? following : null),
                        null));
            } catch (IOException e) {
                delivered.add(new Delivered(destination, null, e));
            }
        }
        RepairJob.finish(repair);
        if (delivered.stream().allMatch(d -> d.failure() == null)) {
            deleteStaged(staged);
        } else {
            keep(staged);
        }
        return delivered;
    }

    /**
     * Starts copying the archive to the first destination while it is being made, if nothing looks wrong with that
     * destination: only then may it be written to (under a temporary name). Nothing is recorded yet, not even a new
     * volume's marker, so that a failed or cancelled archive leaves the destination as it was; otherwise, or if the
     * copy cannot start, the archive is made and staged first and the destination's check then says what is wrong.
     */
    private static FollowingCopy following(Path staged, Path destination, DestinationGuard guard) {
        try {
            if (!guard.problems(destination).isEmpty()) {
                return null;
            }
            DurableCopy.removeLeftovers(destination);
            return FollowingCopy.start(staged, destination.resolve(staged.getFileName()));
        } catch (IOException e) {
            return null;
        }
    }

    private static void abandon(FollowingCopy following) {
        if (following != null) {
            following.abandon();
        }
    }

    private static boolean taken(String name, Path staging, List<Path> destinations) {
        return Files.exists(staging.resolve(name))
                || destinations.stream().anyMatch(destination -> Files.exists(destination.resolve(name)));
    }

    private static CreateResult deliver(
            Path source,
            Path destination,
            Selection selection,
            Path staged,
            TreeArchiver.Written written,
            RepairJob repair,
            Progress progress,
            DestinationGuard guard,
            FollowingCopy following)
            throws IOException {
        ArchiveIndex index = written.index();
        Path archive = destination.resolve(staged.getFileName());
        // the archive is staged and verified first, so that a refused destination still leaves a good local copy
        FollowingCopy copying = following;
        try {
            guard.check(destination);
        } catch (IOException | RuntimeException e) {
            if (copying == null) {
                throw e;
            }
            // the copy begun while the archive was made may be what the check tripped over (it filled the device
            // before a new volume's marker was written): without it, the destination is checked as any other
            copying.abandon();
            copying = null;
            guard.check(destination);
        }
        ReadBack.Result same = null;
        if (copying != null) {
            // most of it was copied, forced and read back past the cache while it was made
            if (progress != null) {
                progress.step("Reading " + archive + " back from the device");
            }
            same = copying.finish(index.expectedSize(), written.sha256());
        } else {
            DurableCopy.removeLeftovers(destination);
            DurableCopy.copy(staged, archive);
        }
        if (repair != null) {
            repair.await();
        }
        for (Path file :
                Sidecars.copied(staged).subList(1, Sidecars.copied(staged).size())) {
            DurableCopy.copy(file, destination.resolve(file.getFileName()));
        }
        // the index and manifests too must have reached the device unchanged, or the archive cannot be verified later
        for (Path file :
                Sidecars.copied(staged).subList(1, Sidecars.copied(staged).size())) {
            Path copy = destination.resolve(file.getFileName());
            ReadBack.Result sidecar = ReadBack.compare(file, copy);
            if (!sidecar.identical()) {
                throw new IOException(
                        copy + " reads back different from what was written, from byte " + sidecar.difference());
            }
        }
        // the archive's bytes were verified in full as they were written; a copy that reads back from the device with
        // their SHA-256 holds them, and is as good
        if (same == null) {
            if (progress != null) {
                progress.step("Reading " + archive + " back from the device");
            }
            same = ReadBack.digest(archive, index.expectedSize(), written.sha256());
        }
        VerifyReport readBack = same.identical()
                ? new VerifyReport(archive, List.of(), List.of(), List.of(), same.bypassedCache())
                : ArchiveVerifier.verify(archive, index);
        if (!same.identical() && readBack.intact()) {
            throw new IOException(archive + " reads back with a different SHA-256 from the bytes written and verified");
        }
        requireIntact(readBack, archive.toString());

        int files = 0;
        long bytes = 0;
        for (Member member : index.sourceMembers()) {
            if (member.isFile()) {
                files++;
                bytes += member.size();
            }
        }
        // still the same volume, still with a device under it, before anything is declared good
        guard.check(destination);
        long generation = guard.advance(destination);
        GoodRecord.write(archive, source, selection, files, bytes, readBack.readBypassedCache());
        guard.confirm(destination, archive, generation);
        return new CreateResult(archive, files, bytes, readBack.readBypassedCache(), written.skipped());
    }

    /** The repair data, written on a thread of its own beside the staged copy. */
    private static final class RepairJob {
        private final FutureTask<Void> task;

        private RepairJob(FutureTask<Void> task) {
            this.task = task;
        }

        static RepairJob start(Path staged, int percent) {
            FutureTask<Void> task = new FutureTask<>(() -> {
                RepairData.write(staged, Sidecars.repair(staged), percent);
                return null;
            });
            Thread thread = new Thread(task, "backup-repair");
            thread.setDaemon(true);
            thread.start();
            return new RepairJob(task);
        }

        /** Waits for it; its failure fails the destination that waits, as any other write would. */
        void await() throws IOException {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing repair data");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw new IOException("writing repair data failed: " + io.getMessage(), io);
                }
                throw new IOException("writing repair data failed: " + e.getCause(), e.getCause());
            }
        }

        /** Lets it end before the staged copy is dropped or kept; a failure was reported by whoever awaited it. */
        static void finish(RepairJob job) {
            if (job == null) {
                return;
            }
            try {
                job.await();
            } catch (IOException e) {
                // reported by the destination that waited for it, or moot once the create is cancelled
            }
        }
    }

    private static void progress(Progress progress) {
        if (progress != null) {
            progress.checkCancelled();
        }
    }

    /** Names the next step, once the job has not been cancelled: the last point at which it may stop cleanly. */
    private static void step(Progress progress, String description) {
        if (progress != null) {
            progress.checkCancelled();
            progress.step(description);
        }
    }

    /** The kept copy may be the only good one: it must survive a crash as surely as a delivered one. */
    private static void keep(Path staged) throws IOException {
        for (Path file : Sidecars.copied(staged)) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        AtomicFiles.forceDirectory(staged.toAbsolutePath().getParent());
    }

    private static void deleteStaged(Path staged) throws IOException {
        for (Path file : Sidecars.copied(staged)) {
            Files.deleteIfExists(file);
        }
    }

    private static void requireIntact(VerifyReport report, String what) throws IOException {
        if (!report.intact()) {
            throw new IOException(what + " failed verification: damaged " + report.damaged() + ", "
                    + String.join("; ", report.problems()));
        }
    }
}
