package dev.trestle.trace.internal.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StraceCommandsTest {
    private final StraceCommands commands = new StraceCommands();

    @TempDir
    Path dir;

    private Path fixture(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/strace/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void summaryPrintsOneRowPerSyscallWithCallsAndErrors() throws IOException {
        String table = commands.summary(fixture("workload-f-C-tt-T.log").toString());
        assertTrue(table.lines().anyMatch(l -> l.matches(".*\\s5\\s+3 openat")), table);
        assertTrue(table.lines().anyMatch(l -> l.matches(".*\\s40\\s+5 total")), table);
    }

    @Test
    void aLogWithoutDurationsSaysWhyItsTimesAreZero() throws IOException {
        Path untimed = dir.resolve("untimed.log");
        Files.writeString(untimed, """
                openat(AT_FDCWD, "/etc/ld.so.cache", O_RDONLY|O_CLOEXEC) = 3
                read(3, "", 4096)                       = 0
                openat(AT_FDCWD, "/nope", O_RDONLY)     = -1 ENOENT (No such file or directory)
                close(3)                                = 0
                """);
        String table = commands.summary(untimed.toString());
        assertTrue(table.lines().anyMatch(l -> l.matches(".*\\s2\\s+1 openat")), table);
        assertTrue(
                table.endsWith("(no durations in this log, so no times: record it with strace -T; sorted by calls)\n"),
                table);

        String timed = commands.summary(fixture("workload-f-C-tt-T.log").toString());
        assertFalse(timed.contains("no durations"), timed);
    }

    @Test
    void jsonFlagGivesJson() throws IOException {
        String json =
                commands.summary("--json", fixture("workload-f-C-tt-T.log").toString());
        assertTrue(json.startsWith("{\"syscalls\":[{"), json);
        assertTrue(json.contains("{\"syscall\":\"openat\",\"calls\":5,\"errors\":3,"), json);
    }

    @Test
    void filesAndTreeShowTheWorkload() throws IOException {
        String files = commands.files(fixture("workload-f-yy-T.log").toString());
        assertTrue(
                files.lines().anyMatch(l -> l.matches("\\s+3\\s+3\\s+0\\s+0\\s+ENOENT\\s+/nonexistent/trestle")),
                files);
        assertTrue(files.lines().anyMatch(l -> l.matches("\\s+1\\s+0\\s+3\\s+0\\s+/etc/hostname")), files);
        String tree = commands.tree(fixture("workload-f-C-tt-T.log").toString());
        assertTrue(tree.contains("27765 ./workload exited 0"), tree);
        assertTrue(tree.contains("\n  27766 exited 3"), tree);
        assertTrue(tree.contains("\n  27767 killed by SIGKILL"), tree);
    }

    @Test
    void missingFileIsAUsageErrorNamingIt() {
        var failure = assertThrows(
                CommandFailure.class,
                () -> commands.tree(dir.resolve("nope.log").toString()));
        assertTrue(failure.getMessage().contains("nope.log"), failure.getMessage());
        assertEquals(2, failure.status());
    }

    @Test
    void aFileInNoTraceFormatIsRejectedWithFileAndDetectionReason() throws IOException {
        Path notes = Files.writeString(dir.resolve("notes.txt"), "shopping list\n- milk\n");
        var failure = assertThrows(CommandFailure.class, () -> commands.summary(notes.toString()));
        assertTrue(
                failure.getMessage().contains("notes.txt")
                        && failure.getMessage().contains("no trace format recognised ("),
                failure.getMessage());
        assertEquals(2, failure.status());
    }

    @Test
    void problemsAreCountedUnderTheTable() throws IOException {
        String table = commands.summary(fixture("sh-f-tt-T-stderr-spliced.log").toString());
        assertTrue(table.contains("4 lines not understood, first at lines [218, 219, 232, 233]"), table);
    }
}
