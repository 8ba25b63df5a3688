package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.CreateResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} while the archive is being copied to the destination: nothing is recorded as good, and the next
 * run cleans up after it and succeeds.
 */
class KilledMidWriteTest {
    @TempDir
    Path temp;

    @Test
    void killedDuringTheCopyRecordsNothingAndTheNextRunSucceeds() throws Exception {
        Path source = Files.createDirectories(temp.resolve("project"));
        Random random = new Random(9);
        byte[] content = new byte[16 << 20];
        for (int i = 0; i < 4; i++) {
            // incompressible, so the copy to the destination has 64 MiB to write and force
            random.nextBytes(content);
            Files.write(source.resolve("blob" + i), content);
        }
        Path usb = Files.createDirectories(temp.resolve("usb"));
        Path staging = temp.resolve("staging");
        Path state = temp.resolve("state");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("java.class.path"),
                        CreateMain.class.getName(),
                        source.toString(),
                        usb.toString(),
                        staging.toString(),
                        state.toString())
                .redirectErrorStream(true)
                .redirectOutput(temp.resolve("child.log").toFile())
                .start();
        // the copy has begun when its temporary file appears at the destination
        while (child.isAlive() && list(usb).stream().noneMatch(name -> name.endsWith(".partial"))) {
            Thread.sleep(1);
        }
        child.destroyForcibly(); // SIGKILL: no finally block, no shutdown hook runs
        child.waitFor();
        assertTrue(
                list(usb).stream().anyMatch(name -> name.endsWith(".partial")),
                "the child was killed during the copy, not after it: " + list(usb) + "; its output: "
                        + Files.readString(temp.resolve("child.log")));
        assertEquals(
                List.of(), list(usb).stream().filter(n -> n.endsWith(".good")).toList());

        CreateResult next = new BackupServiceImpl(staging, state, BackupServiceImpl.FRAME_BYTES)
                .create(source, usb, ArchiveFormat.TAR_ZST);

        assertEquals(4, next.files());
        List<String> after = list(usb);
        assertEquals(
                List.of(next.archive().getFileName() + ".good"),
                after.stream().filter(n -> n.endsWith(".good")).toList());
        assertEquals(
                List.of(), after.stream().filter(n -> n.endsWith(".partial")).toList(), "leftover removed");
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
