package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.VanishedDeviceTest.Result;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The second reproduction: bytes change on the device underneath an archive whose pages are still in the
 * page cache. {@code sha256sum}, {@code cmp} and {@code zstd -t} read the cache and see the old, good bytes; verify
 * reads the device and must name the damaged file. The device is a loop device over an ext4 image, and the change is
 * written into the image file, which the mounted file system's cache does not see.
 */
class ChangedUnderCacheTest {
    private static final int BLOCK = 4096;

    @TempDir
    Path temp;

    @Test
    void verifyReadsTheDeviceAndNamesTheFileChangedUnderTheCache() throws Exception {
        Result probe = VanishedDeviceTest.run("losetup", "-f");
        assumeTrue(
                probe.status() == 0,
                "skipped: no free loop device (needs root and /dev/loop*): losetup -f said " + probe.output());
        Path image = temp.resolve("stick.img");
        Path mount = Files.createDirectories(temp.resolve("media/usb"));
        require(VanishedDeviceTest.run("truncate", "-s", "32M", image.toString()));
        require(VanishedDeviceTest.run(
                "mkfs.ext4", "-O", "^has_journal", "-b", Integer.toString(BLOCK), "-q", "-F", image.toString()));
        Result attach = VanishedDeviceTest.run("losetup", "--find", "--show", image.toString());
        require(attach);
        String loop = attach.output().strip();
        boolean mounted = false;
        try {
            require(VanishedDeviceTest.run("mount", loop, mount.toString()));
            mounted = true;
            Path source = Fixtures.tree(temp.resolve("project"));
            BackupServiceImpl service = new BackupServiceImpl(temp.resolve("staging"), temp.resolve("state"), 1);
            Path archive = service.create(source, mount, ArchiveFormat.TAR_ZST).archive();
            ArchiveIndex index = Fixtures.index(archive);
            byte[] good = Files.readAllBytes(archive);

            long middle = good.length / 2;
            long inImage = imageOffsetOf(image, good, middle);
            flipBit(image, inImage);

            // what every cached reader sees: the old bytes, so sha256sum and cmp would call the archive good
            assertArrayEquals(good, Files.readAllBytes(archive), "the page cache still holds the good bytes");
            VerifyReport report = service.verify(archive);
            assertTrue(report.readBypassedCache(), "verify must read the device, not the cache");
            Set<String> expected = Fixtures.filesInFrames(index, middle, middle + 1);
            assertEquals(1, expected.size(), expected::toString);
            assertEquals(expected, Set.copyOf(report.damaged()));
            Set<String> rest = new TreeSet<>(Fixtures.allFiles(index));
            rest.removeAll(expected);
            Set<String> restorable = new TreeSet<>(report.restorable());
            restorable.retainAll(Fixtures.allFiles(index));
            assertEquals(rest, restorable);

            CommandFailure failure =
                    assertThrows(CommandFailure.class, () -> new BackupCommands(service).verify(mount.toString()));
            assertEquals(1, failure.status());
            assertTrue(failure.getMessage().contains(expected.iterator().next()), failure::getMessage);
            assertFalse(report.intact());
        } finally {
            if (mounted) {
                VanishedDeviceTest.run("umount", "-l", mount.toString());
            }
            VanishedDeviceTest.run("losetup", "-d", loop);
        }
    }

    /**
     * Where byte {@code offset} of the archive lies in the image: ext4 places a file's data in whole blocks, so the
     * block that holds it is found by its content (random, so it occurs once).
     */
    private static long imageOffsetOf(Path image, byte[] archive, long offset) throws IOException {
        int start = (int) (offset / BLOCK * BLOCK);
        byte[] block = Arrays.copyOfRange(archive, start, Math.min(archive.length, start + BLOCK));
        byte[] disk = Files.readAllBytes(image);
        long found = -1;
        for (int at = 0; at + block.length <= disk.length; at += BLOCK) {
            if (Arrays.equals(disk, at, at + block.length, block, 0, block.length)) {
                assertEquals(-1, found, "the archive's block occurs twice in the image");
                found = at;
            }
        }
        assertTrue(found >= 0, "the archive's block is not in the image");
        return found + offset - start;
    }

    private static void flipBit(Path image, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(image, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x10)).rewind();
            channel.write(one, position);
            channel.force(true);
        }
    }

    private static void require(Result result) {
        if (result.status() != 0) {
            throw new IllegalStateException("setting up the loop device failed: " + result.output());
        }
    }
}
