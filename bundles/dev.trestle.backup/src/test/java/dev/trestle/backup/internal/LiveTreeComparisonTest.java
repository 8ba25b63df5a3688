package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.TreeComparison;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup verify} compares the archive's manifest with the live tree: what changed since. */
class LiveTreeComparisonTest {
    @TempDir
    Path temp;

    private BackupServiceImpl service() {
        return new BackupServiceImpl(temp.resolve("staging"), 1);
    }

    private BackupCommands commands() {
        return new BackupCommands(service());
    }

    /** After the backup: one file edited (same size), one touched only, one deleted, one added. */
    private Path backUpThenChange() throws IOException {
        Path archive = Fixtures.create(temp, ArchiveFormat.TAR_ZST, 1).archive();
        Path project = temp.resolve("project");
        Path edited = project.resolve("src/a.c");
        byte[] content = Files.readAllBytes(edited);
        content[100] ^= 1;
        Files.write(edited, content);
        // an mtime that cannot fall in the second of the backup, so the size and mtime check must read the file
        Files.setLastModifiedTime(edited, FileTime.fromMillis(1_500_000_000_000L));
        Files.setLastModifiedTime(project.resolve("README"), FileTime.fromMillis(1_600_000_000_000L));
        Files.delete(project.resolve("src/b.c"));
        Files.writeString(project.resolve("src/new.c"), "int main() {}\n");
        return archive;
    }

    @Test
    void editedTouchedDeletedAndAddedAreExactlyThoseReported() throws Exception {
        Path archive = backUpThenChange();
        Path project = temp.resolve("project");
        TreeComparison comparison = service().compare(archive, project);
        assertTrue(comparison.liveRootFound());
        assertEquals(List.of("src/new.c"), comparison.added());
        assertEquals(List.of("src/b.c"), comparison.removed());
        assertEquals(List.of("src/a.c"), comparison.changed());
        assertEquals(List.of("README"), comparison.touched());
        // eight files and two directories archived: b.c gone, a.c changed, README touched
        assertEquals(7, comparison.unchanged());
        assertEquals(List.of(), comparison.problems());
        assertFalse(comparison.same());
    }

    @Test
    void verifyComparesWithTheRecordedSourceAndStillExitsZero() throws Exception {
        Path archive = backUpThenChange();
        Path project = temp.resolve("project");
        assertEquals(Optional.of(project), service().recordedSource(archive));
        String text = commands().verify(archive.toString());
        assertEquals(
                "intact " + archive + ": 10 entries restorable\n"
                        + "  live tree " + project
                        + ": 1 added, 1 removed, 1 changed, 1 touched only, 7 unchanged since\n"
                        + "    added: src/new.c\n"
                        + "    removed: src/b.c\n"
                        + "    changed: src/a.c\n"
                        + "    touched only (same content, new mtime): README",
                text);
        // the destination form compares each archive the same way
        assertEquals(text, commands().verify(temp.resolve("usb").toString()));
    }

    @Test
    void againstComparesWithAnotherTree() throws Exception {
        Path archive = Fixtures.create(temp, ArchiveFormat.TAR_BZ2, 1).archive();
        Path copy = Fixtures.tree(temp.resolve("elsewhere"));
        // the same content, written again with other mtimes: each file is read and found only touched
        Files.delete(copy.resolve("run.sh"));
        try (var files = Files.walk(copy)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.fromMillis(1_700_000_000_000L));
            }
        }
        String text = commands().verify(archive.toString(), "--against", copy.toString());
        assertEquals(
                "intact " + archive + ": 10 entries restorable\n"
                        + "  live tree " + copy
                        + ": 0 added, 1 removed, 0 changed, 7 touched only, 2 unchanged since\n"
                        + "    removed: run.sh\n"
                        + "    touched only (same content, new mtime): README, src/a.c, src/b.c, src/e f.c,"
                        + " src/sub/c.h, src/sub/d.h, src/sub/g\\h",
                text);
    }

    @Test
    void missingLiveRootIsStatedNotAnError() throws Exception {
        Path archive = Fixtures.create(temp, ArchiveFormat.TAR_ZST, 1).archive();
        Path gone = temp.resolve("gone");
        TreeComparison comparison = service().compare(archive, gone);
        assertFalse(comparison.liveRootFound());
        assertEquals(0, comparison.unchanged());
        assertEquals(List.of(), comparison.removed());
        assertEquals(
                "intact " + archive + ": 10 entries restorable\n  live tree " + gone + ": not found, not compared",
                commands().verify(archive.toString(), "--against", gone.toString()));
        // the recorded source gone too: the same, and still exit status 0
        Fixtures.deleteTree(temp.resolve("project"));
        assertEquals(
                "intact " + archive + ": 10 entries restorable\n  live tree " + temp.resolve("project")
                        + ": not found, not compared",
                commands().verify(archive.toString()));
        assertEquals(
                "[{\"archive\":\"" + archive + "\",\"intact\":true,\"damaged\":[],\"restorable\":10,\"problems\":[],"
                        + "\"readBypassedCache\":true,\"repairable\":false,\"liveTree\":{\"root\":\"" + gone
                        + "\",\"compared\":false,\"note\":\"not found, not compared\"}}]",
                commands().verify(archive.toString(), "--json", "--against", gone.toString()));
    }

    @Test
    void oldGoodRecordWithoutSourceStillReadsAndSaysSo() throws Exception {
        Path archive = Fixtures.create(temp, ArchiveFormat.TAR_ZST, 1).archive();
        Path good = Sidecars.good(archive);
        List<String> lines = Files.readAllLines(good).stream()
                .filter(line -> !line.startsWith("source="))
                .toList();
        Files.write(good, lines);
        assertEquals(Optional.empty(), service().recordedSource(archive));
        assertEquals(
                "intact " + archive + ": 10 entries restorable\n"
                        + "  live tree: not compared, the archive does not record its source (use --against DIR)",
                commands().verify(archive.toString()));
    }

    @Test
    void jsonGivesCountsAndPaths() throws Exception {
        Path archive = backUpThenChange();
        Path project = temp.resolve("project");
        assertEquals(
                "[{\"archive\":\"" + archive + "\",\"intact\":true,\"damaged\":[],\"restorable\":10,\"problems\":[],"
                        + "\"readBypassedCache\":true,\"repairable\":false,\"liveTree\":{\"root\":\"" + project
                        + "\",\"compared\":true,\"note\":null,\"added\":1,\"removed\":1,\"changed\":1,\"touched\":1,"
                        + "\"unchanged\":7,\"addedPaths\":[\"src/new.c\"],\"removedPaths\":[\"src/b.c\"],"
                        + "\"changedPaths\":[\"src/a.c\"],\"touchedPaths\":[\"README\"],\"problems\":[]}}]",
                commands().verify(archive.toString(), "--json"));
    }

    @Test
    void onlyTheFirstPathsAreNamedButAllAreCounted() throws Exception {
        Path archive = Fixtures.create(temp, ArchiveFormat.TAR_ZST, 1).archive();
        Path project = temp.resolve("project");
        for (int i = 10; i < 22; i++) {
            Files.writeString(project.resolve("n" + i), "x");
        }
        String text = commands().verify(archive.toString());
        assertTrue(
                text.endsWith(": 12 added, 0 removed, 0 changed, 0 touched only, 10 unchanged since\n"
                        + "    added (first 10 of 12): n10, n11, n12, n13, n14, n15, n16, n17, n18, n19"),
                text);
        String json = commands().verify(archive.toString(), "--json");
        assertTrue(
                json.contains("\"added\":12,")
                        && json.contains("\"addedPaths\":[\"n10\",\"n11\",\"n12\",\"n13\",\"n14\",\"n15\",\"n16\","
                                + "\"n17\",\"n18\",\"n19\"]"),
                json);
    }

    @Test
    void damageStillDecidesTheExitStatusAndTheComparisonIsReported() throws Exception {
        Path archive = Fixtures.create(temp, ArchiveFormat.TAR_ZST, 1).archive();
        long middle = Files.size(archive) / 2;
        Fixtures.modify(archive, middle, b -> b ^ 1);
        CommandFailure failure =
                assertThrows(CommandFailure.class, () -> commands().verify(archive.toString()));
        assertEquals(1, failure.status());
        assertTrue(
                failure.getMessage()
                        .endsWith(
                                "\n  live tree " + temp.resolve("project") + ": nothing changed since (10 unchanged)"),
                failure.getMessage());
        assertEquals(
                2,
                assertThrows(CommandFailure.class, () -> commands().verify(archive.toString(), "--against"))
                        .status());
    }
}
