package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.backup.internal.archive.TreeArchiver;
import dev.trestle.backup.internal.io.DurableCopy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The author's wish from the blog, step by step: build the archive on local disk, verify it, copy it to the
 * destination, force it and its directory, read it back past the cache, verify again, and only then record it as good
 * and drop the local copy. Any failure leaves the staged copy where it is and nothing recorded as good.
 */
final class StagedCreate {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private StagedCreate() {}

    static CreateResult run(Path source, Path destination, ArchiveFormat format, Path staging, long frameBytes)
            throws IOException {
        Files.createDirectories(staging);
        String name =
                source.getFileName() + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP) + "." + format.suffix();
        Path staged = staging.resolve(name);
        if (Files.exists(staged) || Files.exists(destination.resolve(name))) {
            throw new IOException("an archive named " + name + " already exists; try again in a second");
        }
        TreeArchiver.Written written = TreeArchiver.archive(source, staged, format, frameBytes);
        ArchiveIndex index = written.index();
        requireIntact(ArchiveVerifier.verify(staged, index), "staged copy " + staged);

        Path archive = destination.resolve(name);
        for (Path file : Sidecars.copied(staged)) {
            DurableCopy.copy(file, destination.resolve(file.getFileName()));
        }
        // the index too must have reached the device unchanged, or the archive cannot be verified later
        if (!GoodRecord.sha256(Sidecars.index(archive)).equals(GoodRecord.sha256(Sidecars.index(staged)))) {
            throw new IOException(Sidecars.index(archive) + " reads back different from what was written");
        }
        VerifyReport readBack = ArchiveVerifier.verify(archive, index);
        requireIntact(readBack, archive.toString());

        int files = 0;
        long bytes = 0;
        for (Member member : index.sourceMembers()) {
            if (member.isFile()) {
                files++;
                bytes += member.size();
            }
        }
        GoodRecord.write(archive, files, bytes, readBack.readBypassedCache());
        for (Path file : Sidecars.copied(staged)) {
            Files.delete(file);
        }
        return new CreateResult(archive, files, bytes, readBack.readBypassedCache(), written.skipped());
    }

    private static void requireIntact(VerifyReport report, String what) throws IOException {
        if (!report.intact()) {
            throw new IOException(what + " failed verification: damaged " + report.damaged() + ", "
                    + String.join("; ", report.problems()));
        }
    }
}
