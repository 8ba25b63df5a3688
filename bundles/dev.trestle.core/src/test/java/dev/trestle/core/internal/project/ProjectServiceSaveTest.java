package dev.trestle.core.internal.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.core.jobs.Progress;
import dev.trestle.model.BackupSet;
import dev.trestle.model.Project;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectServiceSaveTest {
    @TempDir
    Path root;

    private static BackupSet set(String name, String destination) {
        BackupSet set = TrestleFactory.eINSTANCE.createBackupSet();
        set.setName(name);
        set.getDestinations().add(destination);
        return set;
    }

    @Test
    void savingAnOpenProjectKeepsTheBackupSetsChangedInItsFileMeanwhile() throws IOException {
        Files.writeString(root.resolve("main.c"), "int main(void) { return 0; }\n");
        Project first = ProjectStore.create(root, "p");
        first.getBackupSets().add(set("sources", "/media/usb"));
        ProjectStore.save(first);

        ProjectServiceImpl service = new ProjectServiceImpl();
        Project open = service.open(root, Progress.SILENT);
        open.getBackupSets().add(set("scratch", "/tmp/scratch"));

        // meanwhile 'backup set' changes one set and makes another in the file
        Project onFile = ProjectStore.load(root);
        onFile.getBackupSets().get(0).getDestinations().add("/mnt/nas");
        onFile.getBackupSets().add(set("docs", "/media/usb"));
        ProjectStore.save(onFile);

        service.save(open);

        Project saved = ProjectStore.load(root);
        assertEquals(
                List.of("sources", "scratch", "docs"),
                saved.getBackupSets().stream().map(BackupSet::getName).toList());
        assertEquals(
                List.of("/media/usb", "/mnt/nas"), saved.getBackupSets().get(0).getDestinations());
        assertEquals(
                List.of("/media/usb", "/mnt/nas"), open.getBackupSets().get(0).getDestinations(), "and in memory");
    }
}
