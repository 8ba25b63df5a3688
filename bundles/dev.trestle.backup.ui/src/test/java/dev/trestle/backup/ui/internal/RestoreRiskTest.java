package dev.trestle.backup.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.internal.BackupServiceImpl;
import dev.trestle.backup.internal.SourceBackupsImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Restore asks about before it replaces files: only changed files that no verified backup holds. */
class RestoreRiskTest {
    @TempDir
    Path temp;

    @AfterEach
    void forget() {
        System.clearProperty("trestle.backup.state");
        System.clearProperty("trestle.backup.staging");
    }

    @Test
    void changedFilesWithoutACurrentBackupAreARiskUntilTheyAreBackedUp() throws Exception {
        System.setProperty("trestle.backup.state", temp.resolve("backup-state").toString());
        System.setProperty("trestle.backup.staging", temp.resolve("staging").toString());
        Path tree = Files.createDirectories(temp.resolve("tree"));
        Files.writeString(tree.resolve("a.c"), "int a;\n");
        Files.writeString(tree.resolve("b.c"), "int b;\n");
        BackupServiceImpl service = new BackupServiceImpl();
        Path usb = Files.createDirectories(temp.resolve("usb"));
        Path archive = service.create(tree, usb, ArchiveFormat.TAR_ZST).archive();
        BackupsModel model = new BackupsModel(service);
        model.setSourceBackups(new SourceBackupsImpl(service));

        assertEquals(Optional.empty(), model.restoreRisk(archive, tree), "the same content: nothing to lose");
        assertEquals(Optional.empty(), model.restoreRisk(archive, temp.resolve("fresh")), "a new target");

        Files.writeString(tree.resolve("a.c"), "int a = 1;\n");
        String risk = model.restoreRisk(archive, tree).orElseThrow();
        assertTrue(
                risk.startsWith("Restoring replaces 1 changed file(s) in " + tree + " (a.c), and newest verified"),
                risk);
        assertTrue(risk.contains("older than the last change"), risk);

        service.create(tree, usb, ArchiveFormat.TAR_ZST);
        assertEquals(Optional.empty(), model.restoreRisk(archive, tree), "the edit is in a verified backup now");
    }
}
