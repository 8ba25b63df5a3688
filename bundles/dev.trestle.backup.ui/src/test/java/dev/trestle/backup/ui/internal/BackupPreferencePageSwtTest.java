package dev.trestle.backup.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.internal.BackupServiceImpl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Preferences > Backups keeps the default destinations per user, where Back Up Project finds them. */
class BackupPreferencePageSwtTest {
    @TempDir
    Path temp;

    @AfterEach
    void forget() {
        System.clearProperty("trestle.backup.state");
        System.clearProperty("trestle.backup.staging");
    }

    @Test
    void destinationsAddedOnThePageAreRememberedPerUser() throws Exception {
        System.setProperty("trestle.backup.state", temp.resolve("backup-state").toString());
        System.setProperty("trestle.backup.staging", temp.resolve("staging").toString());
        Path file = temp.resolve("state/backup-ui.properties");
        BackupsModel model = new BackupsModel(new BackupServiceImpl(), new Destinations(file));
        Path usb = Files.createDirectories(temp.resolve("usb"));
        Path nas = Files.createDirectories(temp.resolve("nas"));
        Shell shell = new Shell(Display.getDefault());
        try {
            BackupPreferencePage page = new BackupPreferencePage(model);
            page.createControl(shell);
            page.add(usb);
            page.add(nas);
            page.add(usb);
            assertEquals(List.of(usb.toString(), nas.toString()), page.shown(), "each once");
            assertTrue(page.performOk());
        } finally {
            shell.dispose();
        }
        assertEquals(List.of(usb, nas), new Destinations(file).load());
        assertEquals(
                List.of(usb, nas),
                new BackupsModel(new BackupServiceImpl(), new Destinations(file)).chosenDestinations());
    }
}
