package dev.trestle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The traces that touched a file: the logs that name its path, newest first, found across read buffers. */
class TracesTouchingTest {
    @TempDir
    Path temp;

    @Test
    void logsNamingThePathAreFoundNewestFirst() throws Exception {
        Path logs = Files.createDirectories(temp.resolve("build/traces"));
        Path header = temp.resolve("include/config.h");
        String open = "4242  openat(AT_FDCWD, \"" + header + "\", O_RDONLY|O_NOCTTY) = 3\n";
        Path older = logs.resolve("build-1.strace");
        Files.writeString(older, open);
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000));
        // the path straddles the 1 MiB read buffer of the search
        Path newer = logs.resolve("build-2.strace");
        String padding = "x".repeat((1 << 20) - 20) + "\n";
        Files.writeString(newer, padding + open, StandardCharsets.UTF_8);
        Path unrelated = logs.resolve("build-3.strace");
        Files.writeString(unrelated, "4242  openat(AT_FDCWD, \"" + header + ".orig\", O_RDONLY) = -1 ENOENT\n");

        assertEquals(List.of(newer, older), TracesTouching.find(logs, header));
        assertTrue(TracesTouching.find(logs, temp.resolve("other.h")).isEmpty());
        assertTrue(TracesTouching.find(temp.resolve("none"), header).isEmpty());
    }
}
