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
import dev.trestle.backup.internal.io.ReadBack;
import dev.trestle.core.jobs.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CancellationException;

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
            DestinationGuard guard)
            throws IOException {
        Files.createDirectories(staging);
        String stem =
                source.getFileName() + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        String name = stem + "." + format.suffix();
        // a second run within the same second, or one after a run that died and left its staged copy
        for (int n = 2; Files.exists(staging.resolve(name)) || Files.exists(destination.resolve(name)); n++) {
            name = stem + "-" + n + "." + format.suffix();
        }
        Path staged = staging.resolve(name);
        TreeArchiver.Written written;
        try {
            if (progress != null) {
                progress.begin("Archiving " + source, TreeArchiver.size(source, selection));
            }
            written = TreeArchiver.archive(source, staged, format, frameBytes, selection, progress);
            step(progress, "Verifying the staged copy " + staged);
        } catch (CancellationException e) {
            // a cancelled archive is half an archive: unlike a failed copy's, there is nothing worth keeping
            deleteStaged(staged);
            throw e;
        }
        ArchiveIndex index = written.index();
        requireIntact(ArchiveVerifier.verify(staged, index, false), "staged copy " + staged);
        try {
            step(progress, "Copying to " + destination);
        } catch (CancellationException e) {
            deleteStaged(staged);
            throw e;
        }

        Path archive = destination.resolve(name);
        // the archive is staged and verified first, so that a refused destination still leaves a good local copy
        guard.check(destination);
        DurableCopy.removeLeftovers(destination);
        for (Path file : Sidecars.copied(staged)) {
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
        // the staged copy was verified in full; a copy that reads back from the device identical to it is as good
        if (progress != null) {
            progress.step("Reading " + archive + " back from the device");
        }
        ReadBack.Result same = ReadBack.compare(staged, archive);
        VerifyReport readBack = same.identical()
                ? new VerifyReport(archive, List.of(), List.of(), List.of(), same.bypassedCache())
                : ArchiveVerifier.verify(archive, index);
        if (!same.identical() && readBack.intact()) {
            throw new IOException(
                    archive + " reads back different from the staged copy from byte " + same.difference());
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
        for (Path file : Sidecars.copied(staged)) {
            Files.delete(file);
        }
        return new CreateResult(archive, files, bytes, readBack.readBypassedCache(), written.skipped());
    }

    /** Names the next step, once the job has not been cancelled: the last point at which it may stop cleanly. */
    private static void step(Progress progress, String description) {
        if (progress != null) {
            progress.checkCancelled();
            progress.step(description);
        }
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
