package dev.trestle.editor.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.command.CommandFailure;
import dev.trestle.editor.history.LocalHistory;
import dev.trestle.editor.history.Version;
import dev.trestle.editor.internal.history.HistoryServiceImpl;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandsTest {
    @TempDir
    Path state;

    @TempDir
    Path project;

    private final HistoryServiceImpl histories = new HistoryServiceImpl();

    @Test
    void listsKeptVersionsNewestFirstWithSizeAndDigest() throws IOException {
        Path file = project.resolve("main.c");
        LocalHistory history = histories.localHistory(state);
        Files.writeString(file, "one\n");
        history.keep(file);
        Files.writeString(file, "second\n");
        history.keep(file);
        List<Version> versions = history.versions(file);

        String listed = new HistoryCommands(histories, state).list(file.toString());

        assertEquals(
                "  1  " + HistoryCommands.line(versions.get(0)) + "\n  2  " + HistoryCommands.line(versions.get(1)),
                listed,
                "numbered as history restore FILE N takes them");
        assertTrue(listed.startsWith("  1  " + versions.get(0).time().toString().substring(0, 10)), listed);
        assertTrue(
                listed.contains("         7 bytes  " + versions.get(0).sha256().substring(0, 12)), listed);
        assertTrue(listed.endsWith("4 bytes  " + versions.get(1).sha256().substring(0, 12)), listed);
    }

    @Test
    void keepThenRestoreAnOlderVersionKeepsWhatTheFileHeld() throws IOException {
        Path file = project.resolve("main.c");
        HistoryCommands commands = new HistoryCommands(histories, state);
        Files.writeString(file, "first\n");
        commands.keep(file.toString());
        Files.writeString(file, "second\n");
        commands.keep(file.toString());
        Files.writeString(file, "third, never kept\n");

        String restored = commands.restore(file.toString(), "2");
        assertTrue(restored.startsWith("restored " + file + " to "), restored);
        assertEquals("first\n", Files.readString(file));
        assertTrue(
                histories.localHistory(state).versions(file).stream().anyMatch(v -> v.size() == 18),
                "what the file held before the restore is a version now");
        assertEquals(
                2,
                assertThrows(
                                dev.trestle.core.command.CommandFailure.class,
                                () -> commands.restore(file.toString(), "99"))
                        .status());
    }

    @Test
    void lineShowsSecondsSizeAndDigestPrefix() {
        Version version = new Version(Path.of("/a.c"), Instant.parse("2026-01-02T03:04:05.678Z"), "ab".repeat(32), 42);
        assertEquals("2026-01-02T03:04:05Z          42 bytes  abababababab", HistoryCommands.line(version));
    }

    @Test
    void fileWithoutVersionsSaysSo() throws IOException {
        assertEquals(
                "no saved versions of " + project.resolve("none.c") + " in " + state,
                new HistoryCommands(histories, state)
                        .list(project.resolve("none.c").toString()));
    }

    @Test
    void wrongArgumentCountIsAUsageError() {
        CommandFailure failure = assertThrows(CommandFailure.class, () -> new HistoryCommands(histories, state).list());
        assertEquals(2, failure.status());
        assertEquals("usage: history list FILE (got no arguments)", failure.getMessage());
    }

    @Test
    void stateDirectoryFromPropertyElseTheXdgDefault() {
        assertEquals(Path.of("/var/trestle"), HistoryCommands.stateDirectory("/var/trestle"));
        assertEquals(
                Path.of(System.getProperty("user.home"), ".local/state/trestle"), HistoryCommands.stateDirectory(null));
    }
}
