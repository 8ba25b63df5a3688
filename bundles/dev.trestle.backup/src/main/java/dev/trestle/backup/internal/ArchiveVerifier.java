package dev.trestle.backup.internal;

import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.FrameReader;
import dev.trestle.backup.internal.archive.IndexFile;
import dev.trestle.backup.internal.archive.Manifests;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.backup.internal.archive.MemberSink;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.backup.internal.io.DeviceInput;
import dev.trestle.backup.internal.repair.RepairData;
import dev.trestle.core.jobs.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads an archive back in full and says, per file, whether it would restore intact. */
final class ArchiveVerifier {
    private ArchiveVerifier() {}

    /**
     * Checks the archive against its own index beside it.
     *
     * @param progress told the bytes and files checked, and asked between frames whether to stop; may be null
     */
    static VerifyReport verify(Path archive, Progress progress) throws IOException {
        Path indexFile = Sidecars.index(archive);
        if (!Files.exists(indexFile)) {
            if (!Files.exists(archive)) {
                throw new NoSuchFileException(archive.toString(), null, "no such archive, and no index of one");
            }
            return new VerifyReport(archive, List.of(), List.of(), List.of("index missing: " + indexFile), false);
        }
        ArchiveIndex index = IndexFile.read(indexFile);
        if (progress != null) {
            progress.begin("Verifying " + archive.getFileName(), index.expectedSize());
        }
        VerifyReport report = verify(archive, index, true, progress);
        Path repair = Sidecars.repair(archive);
        if (report.intact() || !Files.exists(repair)) {
            return report;
        }
        // damage is the only time the repair data is read: it says whether the damage can be undone
        boolean repairable = RepairData.check(archive, repair).repairable();
        return new VerifyReport(
                archive,
                report.damaged(),
                report.restorable(),
                report.problems(),
                report.readBypassedCache(),
                repairable);
    }

    /** Checks the archive against a given index, reading it from the device past the page cache where allowed. */
    static VerifyReport verify(Path archive, ArchiveIndex index) throws IOException {
        return verify(archive, index, true, null);
    }

    /**
     * @param pastCache false for the staged copy on local disk: what it proves is that the archive as written decodes
     *     to the manifest; that the device holds it is proven on the destination, so a direct read here would only
     *     wait for the disk
     */
    static VerifyReport verify(Path archive, ArchiveIndex index, boolean pastCache, Progress progress)
            throws IOException {
        if (!Files.exists(archive)) {
            List<String> all = index.sourceMembers().stream().map(Member::path).toList();
            return new VerifyReport(archive, all, List.of(), List.of("archive missing: " + archive), false);
        }
        long size = Files.size(archive);
        try (InputStream in = pastCache ? DeviceInput.open(archive) : DeviceInput.cached(archive)) {
            FrameReader.Outcome outcome = FrameReader.read(in, size, index, MemberSink.DISCARD, progress);
            return report(archive, index, outcome, DeviceInput.bypassedCache(in));
        }
    }

    static VerifyReport report(Path archive, ArchiveIndex index, FrameReader.Outcome outcome, boolean bypassed) {
        List<String> damaged = new ArrayList<>();
        List<String> restorable = new ArrayList<>();
        List<String> problems = new ArrayList<>(outcome.problems());
        Map<String, String> reasons = outcome.damaged();
        for (Member member : index.members()) {
            String reason = reasons.get(member.path());
            boolean own = Manifests.isOwn(member.path());
            if (reason != null && own) {
                problems.add("manifest " + member.path() + " damaged: " + reason);
            } else if (reason != null) {
                damaged.add(member.path());
            } else if (!own) {
                restorable.add(member.path());
            }
        }
        return new VerifyReport(archive, damaged, restorable, problems, bypassed);
    }
}
