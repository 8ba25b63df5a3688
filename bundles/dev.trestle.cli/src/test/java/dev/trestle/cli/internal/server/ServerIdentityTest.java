package dev.trestle.cli.internal.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {
    @TempDir
    Path dir;

    @Test
    void theJarTheLauncherUnpackedIsCurrentUntilItChanges() throws IOException {
        Path jar = Files.writeString(dir.resolve("headless.jar"), "one");
        FileTime time = FileTime.fromMillis(1_700_000_000_123L);
        Files.setLastModifiedTime(jar, time);
        ServerIdentity identity = new ServerIdentity(jar, time.to(TimeUnit.SECONDS));
        assertTrue(identity.current());

        Files.writeString(jar, "more", StandardOpenOption.APPEND);
        Files.setLastModifiedTime(jar, time);
        assertFalse(identity.current(), "the same time, another size");

        Files.writeString(jar, "one");
        Files.setLastModifiedTime(jar, FileTime.fromMillis(time.toMillis() + 1));
        assertFalse(identity.current(), "the same size, another time within the same second");
    }

    @Test
    void aJarRebuiltBeforeTheServerStartedOrMissingIsNeverCurrent() throws IOException {
        Path jar = Files.writeString(dir.resolve("headless.jar"), "one");
        long seconds = Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS);

        assertFalse(new ServerIdentity(jar, seconds - 5).current());
        assertFalse(new ServerIdentity(dir.resolve("missing.jar"), seconds).current());
    }
}
