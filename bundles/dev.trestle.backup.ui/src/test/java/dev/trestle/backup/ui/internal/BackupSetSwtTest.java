package dev.trestle.backup.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.internal.BackupServiceImpl;
import dev.trestle.model.BackupSet;
import dev.trestle.model.Project;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.ProjectStore;
import dev.trestle.workbench.internal.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Back Up Project on a project with a backup set runs the set, as backup create --project does. */
@EnabledIfEnvironmentVariable(
        named = "DISPLAY",
        matches = ".+",
        disabledReason = "needs an X display: run under xvfb-run")
class BackupSetSwtTest {
    private static final Duration BACKING_UP = Duration.ofSeconds(90);
    private static final List<String> PROPERTIES =
            List.of("trestle.backup.state", "trestle.backup.staging", "trestle.state.dir");

    @TempDir
    Path temp;

    private Path projectDirectory;
    private BackupsModel model;
    private WorkbenchFixture window;

    @BeforeEach
    void openWindow() throws Exception {
        System.setProperty("trestle.backup.state", temp.resolve("backup-state").toString());
        System.setProperty("trestle.backup.staging", temp.resolve("staging").toString());
        System.setProperty("trestle.state.dir", temp.resolve("state").toString());
        projectDirectory = WorkbenchFixture.copyDemoProject(Files.createDirectories(temp.resolve("wordfreq")));
        model = new BackupsModel(new BackupServiceImpl());
        BackupsView view = new BackupsView(model);
        window = WorkbenchFixture.open(temp.resolve("state"), view, new BackUpAction(model));
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
    void backUpProjectRunsItsSetToEveryDestinationThereAndKeepsItsLast() throws Exception {
        Path usb = Files.createDirectories(temp.resolve("media/usb"));
        Path unplugged = temp.resolve("media/unplugged");
        // as 'backup set DIR sources --source src --source lib --source include --destination … --keep 1' writes it
        Project project = ProjectStore.exists(projectDirectory)
                ? ProjectStore.load(projectDirectory)
                : ProjectStore.create(projectDirectory, "wordfreq");
        BackupSet set = TrestleFactory.eINSTANCE.createBackupSet();
        set.setName("sources");
        set.getSourceRoots().addAll(List.of("src", "lib", "include"));
        set.getDestinations().addAll(List.of(usb.toString(), unplugged.toString()));
        set.setKeepLast(1);
        project.getBackupSets().add(set);
        ProjectStore.save(project);

        for (int run = 1; run <= 2; run++) {
            new BackUpAction(model).run(window.context());
            window.pumpUntil(() -> model.running().isEmpty(), "backup " + run, BACKING_UP);
            window.pump();
            assertEquals(null, window.lastError(), "no error from backup " + run);
            assertEquals(
                    "Backed up set 'sources' to 1 of 2 destinations; not there: " + unplugged, model.lastOutcome());
        }

        List<Path> archives;
        try (Stream<Path> files = Files.list(usb)) {
            archives = files.filter(f -> f.getFileName().toString().endsWith(".tar.zst"))
                    .toList();
        }
        assertEquals(1, archives.size(), "the set keeps its last backup only: " + archives);
        List<String> restorable =
                new BackupServiceImpl().verify(archives.get(0)).restorable();
        assertTrue(
                restorable.contains("src/main.c") && restorable.contains("lib/text/counter.c"), restorable.toString());
        assertFalse(
                restorable.contains("README.md") || restorable.contains("tests/test_counter.c"), restorable.toString());
        assertTrue(model.destinations().contains(usb), "the destination shows in the Backups view");
    }
}
