package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's own reproduction: ext4 without a journal on a loop device, and the backing file cut to nothing under
 * the mount. The mount still reads {@code rw} and cached files still read back, so only the device's size (or an
 * fsync error, or an {@code O_DIRECT} read) tells; {@code create} must fail and record nothing as good.
 */
class VanishedDeviceTest {
    @TempDir
    Path temp;

    @Test
    void backupToADeviceGoneFromUnderItsMountFailsAndKeepsTheStagedCopy() throws Exception {
        Result probe = run("losetup", "-f");
        assumeTrue(
                probe.status() == 0,
                "skipped: no free loop device (needs root and /dev/loop*): losetup -f said " + probe.output());
        Path image = temp.resolve("stick.img");
        Path mount = Files.createDirectories(temp.resolve("media/usb"));
        require(run("truncate", "-s", "64M", image.toString()));
        require(run("mkfs.ext4", "-O", "^has_journal", "-q", "-F", image.toString()));
        Result attach = run("losetup", "--find", "--show", image.toString());
        require(attach);
        String loop = attach.output().strip();
        boolean mounted = false;
        try {
            require(run("mount", loop, mount.toString()));
            mounted = true;
            Path source = Fixtures.tree(temp.resolve("project"));
            Path staging = temp.resolve("staging");
            BackupCommands commands =
                    new BackupCommands(new BackupServiceImpl(staging, temp.resolve("state"), 1 << 20));
            commands.create(source.toString(), mount.toString());
            List<Path> good = goodRecords(mount);
            assertEquals(1, good.size(), "the first backup, made while the device was there, is good");

            require(run("truncate", "-s", "0", image.toString()));
            require(run("losetup", "-c", loop));
            CommandFailure failure =
                    assertThrows(CommandFailure.class, () -> commands.create(source.toString(), mount.toString()));

            assertEquals(1, failure.status());
            assertEquals(
                    "backup of " + source + " failed, the staged copy is kept: " + mount + " is mounted but its"
                            + " device " + loop + " reports 0 bytes — unplug and re-mount it",
                    failure.getMessage());
            assertEquals(good, goodRecords(mount), "nothing more recorded as good");
            try (Stream<Path> staged = Files.list(staging)) {
                assertEquals(
                        1, staged.filter(p -> p.toString().endsWith(".tar.zst")).count());
            }
        } finally {
            if (mounted) {
                run("umount", "-l", mount.toString());
            }
            run("losetup", "-d", loop);
        }
    }

    private static List<Path> goodRecords(Path dir) throws IOException {
        List<Path> good = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(p -> p.toString().endsWith(".good")).sorted().forEach(good::add);
        }
        good.forEach(p -> assertEquals(p, Sidecars.good(Path.of(p.toString().replaceAll("\\.good$", "")))));
        return good;
    }

    record Result(int status, String output) {}

    static Result run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(127, command[0] + " not found: " + e.getMessage());
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    private static void require(Result result) {
        if (result.status() != 0) {
            throw new IllegalStateException("setting up the loop device failed: " + result.output());
        }
    }
}
