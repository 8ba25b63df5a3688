package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.core.command.CommandFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
        assertEquals("intact " + archive + ": 10 entries restorable", verified);
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
}
