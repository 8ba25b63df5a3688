package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.DestinationStatus;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.core.command.CommandFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands' exit statuses: 0 for a good backup, 1 for damage found, 2 for bad input. */
class BackupCommandsTest {
    @TempDir
    Path temp;

    private BackupCommands commands() {
        return new BackupCommands(new BackupServiceImpl(temp.resolve("staging"), 1));
    }

    @Test
    void restoringOverChangedFilesThatNoBackupHoldsIsRefusedUntilTheyAreBackedUpOrForced() throws Exception {
        Path source = Fixtures.tree(temp.resolve("project"));
        Path usb = Files.createDirectories(temp.resolve("usb"));
        BackupServiceImpl service = new BackupServiceImpl(temp.resolve("staging"), 1);
        Path archive = service.create(source, usb, dev.trestle.backup.ArchiveFormat.TAR_ZST)
                .archive();
        Path readme = source.resolve("README");
        Files.writeString(readme, "edited after the backup\n");

        CommandFailure refused = assertThrows(
                CommandFailure.class, () -> new BackupCommands(service).restore(archive.toString(), source.toString()));
        assertEquals(1, refused.status());
        assertTrue(
                refused.getMessage()
                        .startsWith("restoring would replace 1 changed file(s) in " + source
                                + " (README) and newest verified backup"),
                refused.getMessage());
        assertEquals("edited after the backup\n", Files.readString(readme), "nothing was restored");

        // restoring only files that did not change needs no backup
        assertEquals(
                "restored 4 entries",
                new BackupCommands(service).restore(archive.toString(), source.toString(), "src/sub"));

        Path other = Files.createDirectories(temp.resolve("other-usb"));
        String restored = new BackupCommands(service)
                .restore(archive.toString(), source.toString(), "--backup-to", other.toString());
        assertTrue(restored.startsWith("backed up and verified first: " + other + "/project-"), restored);
        assertFalse(
                java.util.Arrays.equals(Files.readAllBytes(readme), "edited after the backup\n".getBytes()),
                "the archive's README is back");
        try (var kept = Files.list(other)) {
            assertTrue(kept.anyMatch(p -> p.toString().endsWith(".good")), "the edit is in the new backup");
        }

        Files.writeString(readme, "edited again\n");
        new BackupCommands(service).restore(archive.toString(), source.toString(), "--force");
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(readme), "edited again\n".getBytes()));
    }

    @Test
    void createThenVerifyThenRestoreSucceed() throws Exception {
        Path source = Fixtures.tree(temp.resolve("project"));
        Path usb = Files.createDirectories(temp.resolve("usb"));
        String created = commands().create(source.toString(), usb.toString(), "--format", "tar.bz2");
        assertTrue(created.startsWith("verified " + usb + "/project-"), created);
        assertTrue(created.endsWith(": 8 files, 196608 bytes, read back from the device"), created);
        Path archive;
        try (var list = Files.list(usb)) {
            archive = list.filter(p -> p.toString().endsWith(".tar.bz2"))
                    .findFirst()
                    .orElseThrow();
        }
        assertTrue(Files.exists(Sidecars.good(archive)));
        String verified = commands().verify(usb.toString());
        assertEquals(
                "intact " + archive + ": 10 entries restorable\n  live tree " + source.toAbsolutePath()
                        + ": nothing changed since (10 unchanged)",
                verified);
        String restored =
                commands().restore(archive.toString(), temp.resolve("back").toString(), "src/sub");
        assertEquals("restored 4 entries", restored);
        assertTrue(Files.exists(temp.resolve("back/src/sub/c.h")));
        assertTrue(Files.notExists(temp.resolve("back/README")));

        assertEquals(
                "restored 10 entries",
                commands().restore(archive.toString(), temp.resolve("all").toString()));
        Path script = temp.resolve("all/run.sh");
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(script)));
        assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(script).toMillis());
    }

    @Test
    void damagedIndexIsAFindingNotBelieved() throws Exception {
        Path archive = Fixtures.create(temp, dev.trestle.backup.ArchiveFormat.TAR_ZST, 1)
                .archive();
        Path index = Sidecars.index(archive);
        Files.writeString(index, Files.readString(index).replace("README", "READMF"));
        CommandFailure failure =
                assertThrows(CommandFailure.class, () -> commands().verify(archive.toString()));
        assertEquals(1, failure.status());
        assertEquals(index + ": damaged (its SHA-256 does not match its end line)", failure.getMessage());
    }

    @Test
    void damageIsAFindingThatNamesTheFile() throws Exception {
        Path archive = Fixtures.create(temp, dev.trestle.backup.ArchiveFormat.TAR_ZST, 1)
                .archive();
        long middle = Files.size(archive) / 2;
        Fixtures.modify(archive, middle, b -> b ^ 1);
        String damaged = Fixtures.filesInFrames(Fixtures.index(archive), middle, middle + 1)
                .iterator()
                .next();
        CommandFailure failure =
                assertThrows(CommandFailure.class, () -> commands().verify(archive.toString()));
        assertEquals(1, failure.status());
        assertTrue(failure.getMessage().contains("damaged: " + damaged + ";"), failure.getMessage());
        CommandFailure restore = assertThrows(
                CommandFailure.class,
                () -> commands()
                        .restore(archive.toString(), temp.resolve("back").toString()));
        assertEquals(1, restore.status());
        assertTrue(restore.getMessage().contains("damaged, skipped: " + damaged + ": "), restore.getMessage());
    }

    @Test
    void badInputExitsTwoNamingIt() {
        assertEquals(
                2,
                assertThrows(CommandFailure.class, () -> commands().verify("/no/such/archive.tar.zst"))
                        .status());
        CommandFailure format = assertThrows(
                CommandFailure.class, () -> commands().create(temp.toString(), temp.toString(), "--format", "zip"));
        assertEquals(2, format.status());
        assertEquals("unknown format zip: use tar.zst or tar.bz2", format.getMessage());
        assertEquals(
                2,
                assertThrows(CommandFailure.class, () -> commands().create("/no/such/dir", temp.toString()))
                        .status());
    }

    @Test
    void statusGivesTheAgeOfTheNewestVerifiedBackupPerDestination() throws Exception {
        BackupServiceImpl service = new BackupServiceImpl(temp.resolve("staging"), 1);
        Path usb = Files.createDirectories(temp.resolve("usb")).toRealPath();
        assertEquals("no backups made from this machine yet", new BackupCommands(service).status());
        assertEquals("[]", new BackupCommands(service).status("--json"));
        new BackupCommands(service)
                .create(Fixtures.tree(temp.resolve("project")).toString(), usb.toString());
        DestinationStatus recorded = service.status().get(0);
        String archive = recorded.newestArchive().orElseThrow();
        Instant verified = recorded.newestVerified().orElseThrow();
        BackupCommands later = new BackupCommands(
                service, Clock.fixed(verified.plus(Duration.ofMinutes(3 * 60 + 12)), ZoneOffset.UTC));

        assertEquals(usb + ": newest verified backup " + archive + ", 3 h 12 min ago", later.status());
        assertEquals(
                "[{\"destination\":\"" + usb + "\",\"newestArchive\":\"" + archive + "\",\"verified\":\"" + verified
                        + "\",\"ageSeconds\":11520}]",
                later.status("--json"));
        assertEquals(
                2,
                assertThrows(CommandFailure.class, () -> later.status("--all")).status());
    }

    @Test
    void jsonAnswersOfCreateVerifyAndRestore() throws Exception {
        Path source = Fixtures.tree(temp.resolve("project"));
        Path usb = Files.createDirectories(temp.resolve("usb"));
        String created = commands().create(source.toString(), usb.toString(), "--json");
        Path archive = usb.resolve(created.substring(
                created.indexOf(usb + "/") + usb.toString().length() + 1, created.indexOf(".tar.zst") + 8));
        assertEquals(
                "{\"archive\":\"" + archive + "\",\"files\":8,\"bytes\":196608,\"readBackBypassedCache\":true,"
                        + "\"skipped\":[]}",
                created);
        assertEquals(
                "[{\"archive\":\"" + archive + "\",\"intact\":true,\"damaged\":[],\"restorable\":10,\"problems\":[],"
                        + "\"readBypassedCache\":true,\"repairable\":false,\"liveTree\":{\"root\":\""
                        + source.toAbsolutePath()
                        + "\",\"compared\":true,\"note\":null,\"added\":0,\"removed\":0,\"changed\":0,"
                        + "\"touched\":0,\"unchanged\":10,\"addedPaths\":[],\"removedPaths\":[],"
                        + "\"changedPaths\":[],\"touchedPaths\":[],\"problems\":[]}}]",
                commands().verify(usb.toString(), "--json"));
        Path back = temp.resolve("back");
        assertEquals(
                "{\"archive\":\"" + archive + "\",\"target\":\"" + back + "\",\"complete\":false,\"restored\":4,"
                        + "\"damaged\":[],\"refused\":[],\"notInArchive\":[\"no/such\"],\"failed\":[]}",
                assertThrows(
                                CommandFailure.class,
                                () -> commands()
                                        .restore(archive.toString(), back.toString(), "src/sub", "no/such", "--json"))
                        .getMessage());
        assertEquals(
                "{\"archive\":\"" + archive + "\",\"target\":\"" + back + "\",\"complete\":true,\"restored\":1,"
                        + "\"damaged\":[],\"refused\":[],\"notInArchive\":[],\"failed\":[]}",
                commands().restore(archive.toString(), back.toString(), "README", "--json"));
        long size = Files.size(archive);
        Files.delete(archive);
        CommandFailure missing =
                assertThrows(CommandFailure.class, () -> commands().verify("--json", usb.toString()));
        assertEquals(1, missing.status());
        // the destination's own report first: an archive recorded there is gone
        assertTrue(
                missing.getMessage()
                        .startsWith("[{\"archive\":\"" + usb + "\",\"intact\":false,\"damaged\":[],\"restorable\":0,"
                                + "\"problems\":[\"" + archive + ", backed up here earlier (" + size
                                + " bytes), is missing\"],\"readBypassedCache\":true,\"repairable\":false,\"liveTree\":null},{\"archive\":\""
                                + archive
                                + "\",\"intact\":false,"),
                missing.getMessage());
        assertTrue(
                missing.getMessage().contains("\"problems\":[\"archive missing: " + archive + "\"]"),
                missing.getMessage());
    }

    @Test
    void ageIsGivenInItsTwoCoarsestUnits() {
        assertEquals("40 s", BackupCommands.age(Duration.ofSeconds(40)));
        assertEquals("5 min", BackupCommands.age(Duration.ofSeconds(5 * 60 + 59)));
        assertEquals("1 h 0 min", BackupCommands.age(Duration.ofHours(1)));
        assertEquals("2 d 3 h", BackupCommands.age(Duration.ofHours(51).plusMinutes(59)));
    }
}
