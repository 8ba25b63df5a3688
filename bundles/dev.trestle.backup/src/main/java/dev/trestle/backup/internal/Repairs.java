package dev.trestle.backup.internal;

import dev.trestle.backup.RepairReport;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.IndexFile;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.backup.internal.repair.RepairData;
import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Undoes damage to an archive from its repair data: in its place for {@code repair}, in a copy for restore. */
final class Repairs {
    private Repairs() {}

    static RepairReport repair(Path archive) throws IOException {
        Path repair = Sidecars.repair(archive);
        if (!Files.exists(Sidecars.index(archive))) {
            throw new NoSuchFileException(archive.toString(), null, "no such archive, and no index of one");
        }
        if (!Files.exists(repair)) {
            return new RepairReport(archive, 0, false, archive + " has no repair data (" + repair + ")");
        }
        RepairData.Diagnosis diagnosis = RepairData.check(archive, repair);
        if (!diagnosis.damaged() && diagnosis.problems().isEmpty()) {
            return new RepairReport(
                    archive, 0, false, archive + ": every block matches its checksum, nothing to repair");
        }
        Path repaired = archive.resolveSibling("." + archive.getFileName() + ".repairing");
        try {
            int blocks;
            try {
                blocks = RepairData.repair(archive, repair, repaired);
            } catch (IOException e) {
                return new RepairReport(
                        archive,
                        diagnosis.damagedBlocks(),
                        false,
                        "not repairable, left as it is: " + e.getMessage()
                                + " (backup verify names the damaged files; backup restore restores the rest)");
            }
            VerifyReport check = ArchiveVerifier.verify(repaired, IndexFile.read(Sidecars.index(archive)));
            if (!check.intact()) {
                return new RepairReport(
                        archive,
                        blocks,
                        false,
                        "the repaired copy still fails verification, the archive is left as it is: damaged "
                                + check.damaged() + ", " + String.join("; ", check.problems()));
            }
            Files.move(repaired, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.forceDirectory(archive.toAbsolutePath().getParent());
            return new RepairReport(
                    archive,
                    blocks,
                    true,
                    "repaired " + blocks + (blocks == 1 ? " damaged block of " : " damaged blocks of ") + archive
                            + "; verified intact");
        } finally {
            Files.deleteIfExists(repaired);
        }
    }

    /**
     * The archive to restore from: the archive itself, or where it is damaged and its repair data undoes the damage,
     * a repaired copy in {@code scratch} that the caller deletes.
     */
    static Path restorable(Path archive, Path scratch) throws IOException {
        Path repair = Sidecars.repair(archive);
        if (!Files.exists(repair) || !Files.exists(archive)) {
            return archive;
        }
        RepairData.Diagnosis diagnosis = RepairData.check(archive, repair);
        if (!diagnosis.damaged() || !diagnosis.repairable()) {
            return archive;
        }
        RepairData.repair(archive, repair, scratch);
        return scratch;
    }
}
