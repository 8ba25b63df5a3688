package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.TreeComparison;
import dev.trestle.backup.internal.archive.Manifests;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.core.command.CommandFailure;
import dev.trestle.model.BackupSet;
import dev.trestle.model.BuildOutput;
import dev.trestle.model.OutputKind;
import dev.trestle.model.Project;
import dev.trestle.model.Target;
import dev.trestle.model.TrestleFactory;
import dev.trestle.model.store.ProjectStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup create --project DIR}: the set in the project file decides sources, exclusions and destinations. */
class ProjectBackupSetTest {
    private static final TrestleFactory MODEL = TrestleFactory.eINSTANCE;

    @TempDir
    Path temp;

    private Path project;
    private BackupServiceImpl service;

    private BackupCommands commands() {
        service = new BackupServiceImpl(temp.resolve("staging"), temp.resolve("state"), 1 << 20);
        return new BackupCommands(service);
    }

    /** Sources in src/ and include/, notes outside the set, a build output and a temporary file inside it. */
    private BackupSet project(String... destinations) throws IOException {
        project = temp.resolve("wordfreq");
        for (String file : List.of(
                "src/main.c",
                "src/util.c",
                "src/scratch.tmp",
                "include/util.h",
                "build/linux/wordfreq",
                "build/linux/notes.txt",
                "notes/todo.txt",
                "project-notes.md")) {
            Files.createDirectories(project.resolve(file).getParent());
            Files.writeString(project.resolve(file), file + "\n");
        }
        Project model = ProjectStore.create(project, "wordfreq");
        Target target = MODEL.createTarget();
        target.setName("wordfreq");
        BuildOutput output = MODEL.createBuildOutput();
        output.setPath("build/linux/wordfreq");
        output.setKind(OutputKind.EXECUTABLE);
        target.getOutputs().add(output);
        model.getTargets().add(target);
        BackupSet set = MODEL.createBackupSet();
        set.setName("sources");
        set.getSourceRoots().addAll(List.of("src", "include", "build"));
        set.getExcludePatterns().add("**/*.tmp");
        set.getDestinations().addAll(List.of(destinations));
        set.setKeepLast(3);
        model.getBackupSets().add(set);
        ProjectStore.save(model);
        return set;
    }

    @Test
    void theSetsSourcesWithoutBuildOutputsOrExcludedFilesGoToEveryDestination() throws IOException {
        Path usb = Files.createDirectories(temp.resolve("media/usb"));
        Path other = Files.createDirectories(temp.resolve("mnt/other"));
        project(usb.toString(), other.toString());

        String out = commands().create("--project", project.toString());

        List<String> lines = out.lines().toList();
        assertEquals(2, lines.size(), out);
        // made and verified once, carried to both
        assertEquals(onlyArchive(usb).getFileName(), onlyArchive(other).getFileName());
        assertEquals(-1L, Files.mismatch(onlyArchive(usb), onlyArchive(other)));
        try (Stream<Path> staged = Files.list(temp.resolve("staging"))) {
            assertEquals(0, staged.count(), "the staged copy is dropped once every destination holds it");
        }
        Set<String> expected = new TreeSet<>(List.of(
                "build",
                "build/linux",
                "build/linux/notes.txt",
                "include",
                "include/util.h",
                "src",
                "src/main.c",
                "src/util.c"));
        for (Path destination : List.of(usb, other)) {
            Path archive = onlyArchive(destination);
            assertTrue(out.contains("verified " + archive + ": 4 files"), out);
            Set<String> members = new TreeSet<>();
            for (Member member : Fixtures.index(archive).members()) {
                if (!Manifests.isOwn(member.path())) {
                    members.add(member.path());
                }
            }
            assertEquals(expected, members);
            assertTrue(Files.exists(archive.resolveSibling(archive.getFileName() + ".good")));

            // the live tree seen through the same selection: what was left out is not "added"
            TreeComparison comparison = service.compare(archive, project);
            assertEquals(List.of(), comparison.added());
            assertEquals(8, comparison.unchanged());
            Files.writeString(project.resolve("src/new.c"), "new\n");
            Files.writeString(project.resolve("notes/more.txt"), "outside the set\n");
            assertEquals(List.of("src/new.c"), service.compare(archive, project).added());
            Files.delete(project.resolve("src/new.c"));
            Files.delete(project.resolve("notes/more.txt"));
        }
    }

    @Test
    void onlyTheNewestBackupsTheSetKeepsRemainAndTheDestinationStillChecksOut() throws IOException {
        Path usb = Files.createDirectories(temp.resolve("media/usb"));
        project(usb.toString());
        BackupCommands commands = commands();
        Path other = Fixtures.tree(temp.resolve("other"));
        Path otherArchive = service.create(other, usb, dev.trestle.backup.ArchiveFormat.TAR_ZST)
                .archive();
        List<String> outputs = new java.util.ArrayList<>();
        for (int run = 0; run < 4; run++) {
            outputs.add(commands.create("--project", project.toString()));
        }

        assertTrue(outputs.get(2).endsWith(" bytes, read back from the device"), outputs.get(2));
        assertTrue(outputs.get(3).endsWith("; removed 1 older (the set keeps 3)"), outputs.get(3));
        List<Path> good = goodArchives(usb);
        assertEquals(4, good.size(), good::toString);
        assertTrue(good.contains(otherArchive), "another source's archive is not the set's to remove");
        for (String output : outputs.subList(1, 4)) {
            Path archive = Path.of(output.substring("verified ".length(), output.indexOf(": ")));
            assertTrue(good.contains(archive), archive + " is one of the three newest");
        }
        try (Stream<Path> files = Files.list(usb)) {
            assertEquals(
                    4 * 5 + 1, files.count(), "archive, index, two sum files and good record each, and the marker");
        }
        // the removed archive is no longer expected: the destination checks out, and the next backup goes ahead
        service.verifyDestination(usb).forEach(report -> assertTrue(report.intact(), report::toString));
        commands.create("--project", project.toString());
        assertEquals(4, goodArchives(usb).size());
    }

    private static List<Path> goodArchives(Path destination) throws IOException {
        try (Stream<Path> files = Files.list(destination)) {
            return files.map(Path::toString)
                    .filter(name -> name.endsWith(".good"))
                    .map(name -> Path.of(name.substring(0, name.length() - ".good".length())))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aMissingDestinationFailsNamingItAndTheOthersAreStillBackedUp() throws IOException {
        Path usb = Files.createDirectories(temp.resolve("media/usb"));
        Path unplugged = temp.resolve("media/unplugged");
        project(unplugged.toString(), usb.toString());

        CommandFailure failure =
                assertThrows(CommandFailure.class, () -> commands().create("--project", project.toString()));

        assertEquals(1, failure.status());
        List<String> lines = failure.getMessage().lines().toList();
        assertEquals(
                "backup of set 'sources' to " + unplugged + " failed, the staged copy is kept: " + unplugged
                        + ": destination is not a directory",
                lines.get(0));
        assertTrue(lines.get(1).startsWith("verified " + onlyArchive(usb)), lines.get(1));
    }

    @Test
    void aSetThatIsNotThereIsNamedWithTheSetsThatAre() throws IOException {
        project(temp.toString());
        CommandFailure failure = assertThrows(
                CommandFailure.class, () -> commands().create("--project", project.toString(), "--set", "docs"));
        assertEquals(1, failure.status());
        assertEquals("project " + project + " has no backup set 'docs', only: sources", failure.getMessage());
        CommandFailure usage = assertThrows(
                CommandFailure.class, () -> commands().create("--project", project.toString(), "--format", "tar.bz2"));
        assertEquals(2, usage.status());
    }

    private static Path onlyArchive(Path destination) throws IOException {
        try (Stream<Path> files = Files.list(destination)) {
            List<Path> archives =
                    files.filter(p -> p.toString().endsWith(".tar.zst")).toList();
            assertEquals(1, archives.size(), archives::toString);
            return archives.get(0);
        }
    }
}
