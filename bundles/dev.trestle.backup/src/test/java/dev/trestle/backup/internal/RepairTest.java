package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.RepairReport;
import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.Selection;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Repair data through the service and the commands: damage it covers is reported as repairable, repaired to the
 * very bytes written, and undone by restore on its own; damage beyond it is reported, and nothing is lost.
 */
class RepairTest {
    @TempDir
    Path temp;

    private BackupServiceImpl service;
    private Path source;
    private Path archive;
    private byte[] written;

    private void create(ArchiveFormat format) throws IOException {
        source = Fixtures.tree(temp.resolve("project"));
        Path destination = Files.createDirectories(temp.resolve("usb"));
        service = new BackupServiceImpl(temp.resolve("staging"), temp.resolve("state"), 32 << 10, 0);
        archive = service.create(source, destination, format, Selection.ALL, null, 5)
                .archive();
        written = Files.readAllBytes(archive);
        assertTrue(Files.exists(Sidecars.repair(archive)), "repair data beside the archive");
        assertTrue(service.verify(archive).intact());
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void aFlippedBitIsRepairedByteForByte(ArchiveFormat format) throws IOException {
        assertRepairable(format, bytes -> flip(bytes, bytes.length / 2));
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void aZeroedBlockIsRepairedByteForByte(ArchiveFormat format) throws IOException {
        assertRepairable(format, bytes -> {
            Arrays.fill(bytes, bytes.length / 3, bytes.length / 3 + 4096, (byte) 0);
            return bytes;
        });
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void aCutInsideTheLastFrameIsRepairedByteForByte(ArchiveFormat format) throws IOException {
        assertRepairable(format, bytes -> Arrays.copyOf(bytes, bytes.length - 10));
    }

    @Test
    void moreDamageThanTheRepairDataCoversIsReportedAndTheRestStillRestores() throws IOException {
        create(ArchiveFormat.TAR_ZST);
        byte[] half = Arrays.copyOf(written, written.length / 2);
        Files.write(archive, half);

        VerifyReport report = service.verify(archive);
        assertFalse(report.intact());
        assertFalse(report.repairable());
        assertFalse(report.damaged().isEmpty());
        assertFalse(report.restorable().isEmpty());

        RepairReport repair = service.repair(archive);
        assertFalse(repair.repaired());
        assertTrue(repair.message().startsWith("not repairable, left as it is: "), repair.message());
        assertArrayEquals(half, Files.readAllBytes(archive), "the archive is left as it was");

        RestoreReport restore = service.restore(archive, temp.resolve("restored"), Set.of());
        assertFalse(restore.complete());
        // restore names each damaged file with the reason: "PATH: reason"
        assertEquals(
                Set.copyOf(report.damaged()),
                restore.damaged().stream()
                        .map(d -> d.substring(0, d.indexOf(": ")))
                        .collect(java.util.stream.Collectors.toSet()));
        for (String file : restore.restored()) {
            Path restored = temp.resolve("restored").resolve(file);
            if (Files.isRegularFile(restored)) {
                assertEquals(-1L, Files.mismatch(restored, source.resolve(file)), file);
            }
        }
    }

    @Test
    void theCommandsSayRepairableAndRepair() throws IOException {
        create(ArchiveFormat.TAR_ZST);
        Files.write(archive, flip(written.clone(), written.length / 2));
        BackupCommands commands = new BackupCommands(service);

        CommandFailure verify = org.junit.jupiter.api.Assertions.assertThrows(
                CommandFailure.class, () -> commands.verify(archive.toString()));
        assertEquals(1, verify.status());
        assertTrue(verify.getMessage().startsWith("DAMAGED but repairable " + archive), verify.getMessage());
        assertTrue(verify.getMessage().contains("backup repair " + archive), verify.getMessage());

        assertTrue(commands.repair(archive.toString()).startsWith("repaired 1 damaged block of " + archive));
        assertArrayEquals(written, Files.readAllBytes(archive));
        assertTrue(commands.verify(archive.toString()).startsWith("intact " + archive));
        assertEquals(
                archive + ": every block matches its checksum, nothing to repair", commands.repair(archive.toString()));
    }

    @Test
    void theArchiveCopyOfADamagedFileIsRepairedWhereTheRepairDataCoversItElseShownAsFarAsItDecodes()
            throws IOException {
        create(ArchiveFormat.TAR_ZST);
        Files.write(archive, flip(written.clone(), written.length / 2));
        String file = service.verify(archive).damaged().get(0);

        dev.trestle.backup.ArchiveCopy repaired = service.copyOf(archive, file, temp.resolve("copy"));
        assertTrue(repaired.intact());
        assertEquals("repaired from the repair data", repaired.note());
        assertEquals(-1L, Files.mismatch(repaired.file(), source.resolve(file)));

        Files.delete(Sidecars.repair(archive));
        dev.trestle.backup.ArchiveCopy damaged = service.copyOf(archive, file, temp.resolve("damaged"));
        assertFalse(damaged.intact());
        assertTrue(damaged.note().startsWith("damaged, shown as far as it decodes: "), damaged.note());
        assertEquals(temp.resolve("damaged").resolve(Path.of(file).getFileName()), damaged.file());
        // what decoded, damage and all: it differs from the live copy
        assertTrue(Files.mismatch(damaged.file(), source.resolve(file)) >= 0, "the damage shows");

        org.junit.jupiter.api.Assertions.assertThrows(
                java.nio.file.NoSuchFileException.class, () -> service.copyOf(archive, "no/such.c", temp));
    }

    private void assertRepairable(ArchiveFormat format, UnaryOperator<byte[]> damage) throws IOException {
        create(format);
        Files.write(archive, damage.apply(written.clone()));

        VerifyReport report = service.verify(archive);
        assertFalse(report.intact(), "the damage is seen");
        assertTrue(report.repairable(), "and the repair data covers it");

        // restore undoes it by itself, in a copy, and leaves the archive as it found it
        byte[] damaged = Files.readAllBytes(archive);
        RestoreReport restore = service.restore(archive, temp.resolve("restored"), Set.of());
        assertTrue(restore.complete(), restore.damaged().toString());
        for (String file : restore.restored()) {
            Path restored = temp.resolve("restored").resolve(file);
            if (Files.isRegularFile(restored)) {
                assertEquals(-1L, Files.mismatch(restored, source.resolve(file)), file);
            }
        }
        assertArrayEquals(damaged, Files.readAllBytes(archive));

        // so does a restore of damaged files alone, which reads only their frames
        List<String> damagedFiles = report.damaged().stream()
                .filter(file -> Files.isRegularFile(source.resolve(file)))
                .toList();
        // (a cut in the last frame damages only the archive's own manifest, which is no file of the source)
        if (!damagedFiles.isEmpty()) {
            RestoreReport some = service.restore(archive, temp.resolve("some"), Set.copyOf(damagedFiles));
            assertTrue(some.complete(), some.damaged().toString());
            assertEquals(Set.copyOf(damagedFiles), Set.copyOf(some.restored()));
            for (String file : damagedFiles) {
                assertEquals(-1L, Files.mismatch(temp.resolve("some").resolve(file), source.resolve(file)), file);
            }
        }
        assertArrayEquals(damaged, Files.readAllBytes(archive));

        RepairReport repair = service.repair(archive);
        assertTrue(repair.repaired(), repair.message());
        assertArrayEquals(written, Files.readAllBytes(archive), "the very bytes written");
        assertTrue(service.verify(archive).intact());
    }

    private static byte[] flip(byte[] bytes, int at) {
        bytes[at] ^= 0x04;
        return bytes;
    }
}
