package dev.trestle.backup.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.BackupServiceImpl;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Drives the Backups view and the Backup menu in a real workbench window under an X display. */
@EnabledIfEnvironmentVariable(
        named = "DISPLAY",
        matches = ".+",
        disabledReason = "needs an X display: run under xvfb-run")
class BackupsViewSwtTest {
    private static final Duration BACKING_UP = Duration.ofSeconds(90);
    private static final List<String> PROPERTIES =
            List.of("trestle.backup.state", "trestle.backup.staging", "trestle.state.dir");

    @TempDir
    Path temp;

    private Path projectDirectory;
    private Path destination;
    private BackupsModel model;
    private BackupsView view;
    private WorkbenchFixture window;

    @BeforeEach
    void openWindow() throws Exception {
        System.setProperty("trestle.backup.state", temp.resolve("backup-state").toString());
        System.setProperty("trestle.backup.staging", temp.resolve("staging").toString());
        System.setProperty("trestle.state.dir", temp.resolve("state").toString());
        projectDirectory = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("wordfreq")));
        destination = Files.createDirectories(temp.resolve("usb-disk"));
        model = new BackupsModel(new BackupServiceImpl());
        view = new BackupsView(model);
        window = WorkbenchFixture.open(
                temp.resolve("state"),
                view,
                new BackUpAction(model),
                new VerifyAllAction(model),
                new RestoreAction(model));
        window.shell().setBounds(0, 0, 1270, 900);
        window.enlargeViews();
        window.openProject(projectDirectory);
        window.showView(view);
        window.pumpUntil(() -> view.panel() != null, "the Backups view");
    }

    @AfterEach
    void closeWindow() {
        window.close();
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void backUpShowsVerifiedThenAFlippedByteShowsTheDamagedFileAndNewerSourcesWarn() throws Exception {
        assertTrue(window.hasMenuItem("Backup", "Back Up Project…"));
        assertTrue(window.hasMenuItem("Backup", "Verify All"));
        assertTrue(window.hasMenuItem("Backup", "Restore…"));
        BackupsPanel panel = view.panel();
        assertTrue(panel.healthWarns(), panel.healthText());
        assertTrue(panel.healthText().contains("No verified backup"), panel.healthText());

        model.addDestination(destination);
        assertTrue(
                Files.readString(temp.resolve("state/backup-ui.properties")).contains("usb-disk"),
                "the added destination is remembered under trestle.state.dir");
        new BackUpAction(model).run(window.context());
        awaitJob("the backup");
        assertTrue(model.lastOutcome().startsWith("Backed up"), model.lastOutcome());

        TreeItem archiveItem = archiveItem(panel.tree().getTree());
        assertEquals("verified", archiveItem.getText(1));
        assertEquals("verified just now", archiveItem.getText(2));
        assertFalse(panel.healthWarns(), panel.healthText());
        assertTrue(panel.healthText().contains("Newest verified backup: just now"), panel.healthText());

        // a source edited after the last verified backup
        Path edited = projectDirectory.resolve("src/main.c");
        assertTrue(Files.isRegularFile(edited), "the demo project has " + edited);
        Files.setLastModifiedTime(edited, FileTime.from(Instant.now().plusSeconds(5)));
        panel.refresh();
        assertTrue(panel.healthWarns(), panel.healthText());
        assertTrue(panel.healthText().contains("older than src/main.c"), panel.healthText());

        // one byte flipped in the middle of the archive
        Path archive = model.snapshot().get(0).archives().get(0).archive();
        try (RandomAccessFile file = new RandomAccessFile(archive.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int b = file.read();
            file.seek(middle);
            file.write(b ^ 0x01);
        }
        new VerifyAllAction(model).run(window.context());
        awaitJob("verification");
        VerifyReport expected = new BackupServiceImpl().verify(archive);
        assertFalse(expected.damaged().isEmpty(), "the flipped byte damages a file: " + expected);
        List<String> annotated = window.context().project().orElseThrow().getAnnotations().stream()
                .filter(a -> BackupAnnotations.ORIGIN.equals(a.getOrigin()))
                .map(a -> a.getPath())
                .toList();
        assertEquals(expected.damaged(), annotated, "the damaged files are annotations of the shared model");

        // the archive carries repair data by default, and it covers one flipped byte
        assertTrue(expected.repairable(), expected.toString());
        archiveItem = archiveItem(panel.tree().getTree());
        assertEquals("damaged, repairable", archiveItem.getText(1));
        assertTrue(archiveItem.getText(2).contains("its repair data restores them"), archiveItem.getText(2));
        archiveItem.setExpanded(true);
        window.pump();
        List<String> shown = new ArrayList<>();
        for (TreeItem child : archiveItem.getItems()) {
            if (child.getText(1).startsWith("damaged")) {
                shown.add(child.getText(0));
            }
        }
        assertEquals(expected.damaged(), shown);
        assertTrue(archiveItem.getText(2).contains(expected.damaged().get(0)), archiveItem.getText(2));
        assertTrue(panel.healthWarns(), panel.healthText());

        // a destination whose disk is not mounted
        model.addDestination(temp.resolve("unplugged"));
        TreeItem missing = Arrays.stream(panel.tree().getTree().getItems())
                .filter(item -> item.getText(0).endsWith("unplugged"))
                .findFirst()
                .orElseThrow();
        assertEquals("destination missing", missing.getText(1));

        window.enlargeViews();
        panel.tree().expandAll();
        window.settle(300);
        Files.createDirectories(Path.of("target/screenshots"));
        window.screenshot(Path.of("target/screenshots/backups.png"));

        String damagedPath = expected.damaged().get(0);
        Path live = projectDirectory.resolve(damagedPath);

        // double-clicking a damaged file opens its live copy in the editor and the archive's copy beside it:
        // repaired from the repair data, so the same as the live copy
        ArchiveCopyWindow repaired = openDamaged(panel);
        assertEquals(
                Path.of(damagedPath).getFileName().toString(),
                window.activeTabTitle().replace("*", "").trim());
        assertTrue(repaired.note().contains("(repaired from the repair data)"), repaired.note());
        assertEquals(Files.readString(live), repaired.archivedText());
        assertEquals(Files.readString(live), repaired.liveText());
        repaired.shell().close();

        // without the repair data: the damaged copy, as far as it decodes, beside the live one
        Path repairData = archive.resolveSibling(archive.getFileName() + ".repair");
        Path keptRepairData = Files.copy(repairData, temp.resolve("kept.repair"));
        Files.delete(repairData);
        ArchiveCopyWindow damagedCopy = openDamaged(panel);
        assertTrue(damagedCopy.note().contains("(damaged, shown as far as it decodes: "), damagedCopy.note());
        // where the flipped byte lands varies with the archive's bytes (the copied tree's times are in it): in a
        // frame's content the decoded text differs from the live copy; in a frame's checksum it decodes intact
        if (damagedCopy.note().contains("does not match its SHA-256")) {
            assertFalse(
                    damagedCopy.archivedText().equals(damagedCopy.liveText()), "the damage shows beside the live copy");
        }
        assertEquals(Files.readString(live), damagedCopy.liveText());
        window.settle(300);
        window.screenshot(Path.of("target/screenshots/backups-damaged-file-beside-live-copy.png"));
        damagedCopy.shell().close();

        // restore skips the damaged files and restores the rest
        Path target = Files.createDirectories(temp.resolve("restored"));
        List<dev.trestle.backup.RestoreReport> reports = new ArrayList<>();
        assertTrue(model.restore(window.context(), archive, target, reports::add));
        awaitJob("the restore");
        assertEquals(1, reports.size());
        // the restore names each damaged file with the reason: "README.md: frame 0 … is damaged: …"
        assertEquals(
                expected.damaged(),
                reports.get(0).damaged().stream()
                        .map(line -> line.substring(0, line.indexOf(": ")))
                        .toList());
        assertEquals(expected.restorable().size(), reports.get(0).restored().size());

        // with its repair data back, Repair restores the archive: verified again, no damaged file left to annotate
        Files.copy(keptRepairData, repairData);
        new VerifyAllAction(model).run(window.context());
        awaitJob("verification");
        archiveItem = archiveItem(panel.tree().getTree());
        assertEquals("damaged, repairable", archiveItem.getText(1));
        panel.tree().setSelection(StructuredSelection.EMPTY);
        window.pump();
        assertFalse(panel.repairButton().isEnabled(), "nothing is selected");
        panel.tree().getTree().setSelection(archiveItem);
        panel.tree().getTree().notifyListeners(SWT.Selection, selectionOf(archiveItem));
        window.pump();
        assertTrue(panel.repairButton().isEnabled(), "a repairable archive is selected");
        panel.repairButton().notifyListeners(SWT.Selection, new Event());
        awaitJob("the repair");
        archiveItem = archiveItem(panel.tree().getTree());
        assertEquals("verified", archiveItem.getText(1));
        assertEquals(0, archiveItem.getItemCount(), "no damaged file under the repaired archive");
        assertTrue(new BackupServiceImpl().verify(archive).intact(), "the archive itself is intact again");
        assertEquals(
                List.of(),
                window.context().project().orElseThrow().getAnnotations().stream()
                        .filter(a -> BackupAnnotations.ORIGIN.equals(a.getOrigin()))
                        .toList(),
                "the damaged files' annotations are gone");
        assertFalse(panel.repairButton().isEnabled(), "nothing is left to repair");
        window.settle(300);
        window.screenshot(Path.of("target/screenshots/backups-repaired.png"));
    }

    private ArchiveCopyWindow openDamaged(BackupsPanel panel) {
        TreeItem damaged = archiveItem(panel.tree().getTree()).getItem(0);
        panel.tree().getTree().setSelection(damaged);
        panel.tree().getTree().notifyListeners(SWT.DefaultSelection, selectionOf(damaged));
        window.pump();
        awaitJob("reading the archive's copy");
        window.pumpUntil(() -> panel.lastCopyWindow().isPresent(), "the archive's copy beside the live copy");
        return panel.lastCopyWindow().orElseThrow();
    }

    private void awaitJob(String what) {
        window.pumpUntil(() -> model.running().isEmpty(), what, BACKING_UP);
        window.pump();
        assertEquals(null, window.lastError(), "no error from " + what);
    }

    private static Event selectionOf(TreeItem item) {
        Event event = new Event();
        event.item = item;
        return event;
    }

    private static TreeItem archiveItem(Tree tree) {
        TreeItem destination = tree.getItem(0);
        destination.setExpanded(true);
        for (TreeItem child : destination.getItems()) {
            if (child.getText(0).endsWith(".tar.zst")) {
                return child;
            }
        }
        throw new AssertionError("no archive under " + destination.getText(0));
    }
}
