package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.BackupSetPlan;
import dev.trestle.backup.Selection;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.core.command.ExitStatus;
import dev.trestle.model.BackupSet;
import dev.trestle.model.Project;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup set}: a project's backup sets made and changed from the command line, then used by create. */
class BackupSetCommandsTest {
    @TempDir
    Path temp;

    private Path project;
    private final BackupSetCommands commands = new BackupSetCommands();

    @BeforeEach
    void project() throws IOException {
        project = temp.resolve("wordfreq");
        for (String file : List.of("src/main.c", "src/scratch.tmp", "include/util.h", "notes/todo.txt")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), file + "\n");
        }
        ProjectStore.save(ProjectStore.create(project, "wordfreq"));
    }

    private BackupSet saved(String name) throws IOException {
        Project model = ProjectStore.load(project);
        return model.getBackupSets().stream()
                .filter(s -> s.getName().equals(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aSetIsMadeThenChangedListByListAndCreateRunsIt() throws IOException {
        Path usb = Files.createDirectories(temp.resolve("media/usb"));
        Path nas = Files.createDirectories(temp.resolve("mnt/nas"));
        assertTrue(commands.set(project.toString()).startsWith("no backup sets in "), "none yet");

        String made = commands.set(
                project.toString(),
                "sources",
                "--source",
                "src",
                "--source",
                "include",
                "--exclude",
                "**/*.tmp",
                "--destination",
                usb.toString(),
                "--keep",
                "3");
        assertTrue(made.startsWith("made backup set 'sources' of " + project), made);
        assertTrue(made.contains("  sources       src, include\n"), made);
        assertTrue(made.endsWith("saved in " + ProjectStore.fileOf(project)), made);
        BackupSet set = saved("sources");
        assertEquals(List.of("src", "include"), set.getSourceRoots());
        assertEquals(List.of("**/*.tmp"), set.getExcludePatterns());
        assertEquals(List.of(usb.toString()), set.getDestinations());
        assertEquals(3, set.getKeepLast());

        // only the destinations change: the rest stays as it was
        commands.set(project.toString(), "sources", "--destination", usb.toString(), "--destination", nas.toString());
        set = saved("sources");
        assertEquals(List.of(usb.toString(), nas.toString()), set.getDestinations());
        assertEquals(List.of("src", "include"), set.getSourceRoots());
        assertEquals(3, set.getKeepLast());
        assertEquals(
                "[{\"name\":\"sources\",\"sources\":[\"src\",\"include\"],\"excludes\":[\"**/*.tmp\"],"
                        + "\"destinations\":[\"" + usb + "\",\"" + nas + "\"],\"format\":\"tar.zst\",\"keep\":3}]",
                commands.set(project.toString(), "--json"));

        BackupServiceImpl service = new BackupServiceImpl(temp.resolve("staging"), temp.resolve("state"), 1 << 20);
        List<BackupSetPlan> plans = service.backupSets(project);
        assertEquals(1, plans.size());
        assertEquals(
                new BackupSetPlan(
                        "sources",
                        project,
                        new Selection(List.of("src", "include"), List.of("**/*.tmp")),
                        List.of(usb, nas),
                        ArchiveFormat.TAR_ZST,
                        3),
                plans.get(0));
        assertEquals(List.of(), service.backupSets(temp), "no project file: no sets");
        String created = new BackupCommands(service).create("--project", project.toString());
        assertTrue(created.contains(usb.toString()) && created.contains(nas.toString()), created);
        for (Path destination : List.of(usb, nas)) {
            Path archive;
            try (var archives = Files.list(destination)) {
                archive = archives.filter(p -> p.toString().endsWith(".tar.zst"))
                        .findFirst()
                        .orElseThrow();
            }
            List<String> restorable = service.verify(archive).restorable();
            assertTrue(
                    restorable.contains("src/main.c") && restorable.contains("include/util.h"), restorable.toString());
            assertTrue(
                    !restorable.contains("src/scratch.tmp") && !restorable.contains("notes/todo.txt"),
                    restorable.toString());
        }
    }

    @Test
    void badValuesAreRefusedAndLeaveTheFileAsItWas() throws IOException {
        Path usb = Files.createDirectories(temp.resolve("media/usb"));
        commands.set(project.toString(), "all", "--destination", usb.toString());
        String before = Files.readString(ProjectStore.fileOf(project));

        assertEquals(
                "--source /etc must lie inside the project, relative to " + project,
                usage(project.toString(), "all", "--source", "/etc"));
        assertEquals(
                "--source ../.. must lie inside the project, relative to " + project,
                usage(project.toString(), "all", "--source", "../.."));
        assertEquals(
                "--source docs: no such file or directory in " + project,
                usage(project.toString(), "all", "--source", "docs"));
        assertTrue(usage(project.toString(), "all", "--exclude", "src/[").startsWith("--exclude src/[ is not a glob"));
        assertEquals(
                "--destination backups lies inside what the set backs up: each backup would hold the ones before it",
                usage(project.toString(), "all", "--destination", "backups"));
        assertEquals("unknown format zip: use tar.zst or tar.bz2", usage(project.toString(), "all", "--format", "zip"));
        assertTrue(usage(project.toString(), "all", "--keep", "-1").startsWith("--keep -1: "));
        assertEquals(
                "a new backup set needs at least one --destination",
                usage(project.toString(), "docs", "--source", "notes"));
        assertEquals(before, Files.readString(ProjectStore.fileOf(project)), "nothing saved");

        // a destination inside the project but outside what the set takes is fine
        commands.set(project.toString(), "code", "--source", "src", "--destination", "backups");
        assertEquals(List.of("backups"), saved("code").getDestinations());

        CommandFailure missing = assertThrows(CommandFailure.class, () -> commands.set(project.toString(), "docs"));
        assertEquals(ExitStatus.FINDING, missing.status());
        assertTrue(missing.getMessage().contains("it has: all, code"), missing.getMessage());
        assertEquals("no project.trestle in " + temp + " (run: project init " + temp + ")", usage(temp.toString()));
    }

    private String usage(String... args) {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> commands.set(args));
        assertEquals(ExitStatus.USAGE, failure.status(), failure.getMessage());
        return failure.getMessage();
    }
}
