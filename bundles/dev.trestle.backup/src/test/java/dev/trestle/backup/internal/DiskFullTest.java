package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.backup.ArchiveFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A destination that fills up: the backup fails, names the file, and nothing is recorded as good. */
class DiskFullTest {
    @TempDir
    Path temp;

    private Path mounted;

    @Test
    void fullDestinationFailsCleanlyAndKeepsTheStagedCopy() throws Exception {
        Path destination = Files.createDirectories(temp.resolve("usb"));
        mount(destination);
        Path source = Files.createDirectories(temp.resolve("project"));
        byte[] random = new byte[3 << 20];
        new Random(1).nextBytes(random);
        Files.write(source.resolve("big.bin"), random);
        Path staging = temp.resolve("staging");

        IOException failure = assertThrows(
                IOException.class,
                () -> new BackupServiceImpl(staging, 1 << 20).create(source, destination, ArchiveFormat.TAR_ZST));

        assertTrue(failure.getMessage().startsWith("writing " + destination), failure.getMessage());
        assertEquals(
                List.of(DestinationGuard.MARKER),
                list(destination),
                "nothing but the volume marker, not even a partial file, is left at the destination");
        assertTrue(list(staging).stream().anyMatch(name -> name.endsWith(".tar.zst")), list(staging)::toString);
    }

    @Test
    void aKnownDestinationThatFillsWhileTheArchiveIsCopiedAsItIsMadeFailsCleanly() throws Exception {
        Path destination = Files.createDirectories(temp.resolve("usb"));
        mount(destination);
        Path source = Files.createDirectories(temp.resolve("project"));
        Files.writeString(source.resolve("small.txt"), "fits\n");
        Path staging = temp.resolve("staging");
        BackupServiceImpl service = new BackupServiceImpl(staging, temp.resolve("state"), 1 << 20);
        service.create(source, destination, ArchiveFormat.TAR_ZST);
        List<String> before = list(destination);
        // known now: its check passes without writing, so the archive is copied there while it is made
        byte[] random = new byte[3 << 20];
        new Random(2).nextBytes(random);
        Files.write(source.resolve("big.bin"), random);

        IOException failure =
                assertThrows(IOException.class, () -> service.create(source, destination, ArchiveFormat.TAR_ZST));

        assertTrue(failure.getMessage().startsWith("writing " + destination), failure.getMessage());
        assertEquals(before, list(destination), "no partial file, nothing new recorded as good");
        assertTrue(list(staging).stream().anyMatch(name -> name.endsWith(".tar.zst")), list(staging)::toString);
    }

    /** zstd's intact frames are written from memory; bzip2's, and a damaged frame's, through the tar reader. */
    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void aRestoreIntoAFullDirectoryFailsWithoutLeavingPartOfAFileUnderItsName(ArchiveFormat format) throws Exception {
        Path source = Files.createDirectories(temp.resolve("project"));
        Files.writeString(source.resolve("a-small.txt"), "fits\n");
        byte[] random = new byte[3 << 20];
        new Random(3).nextBytes(random);
        Files.write(source.resolve("big.bin"), random);
        BackupServiceImpl service = new BackupServiceImpl(temp.resolve("staging"), temp.resolve("state"), 1 << 20);
        Path archive = service.create(source, Files.createDirectories(temp.resolve("usb")), format)
                .archive();
        Path target = Files.createDirectories(temp.resolve("target"));
        mount(target);

        IOException full = assertThrows(IOException.class, () -> service.restore(archive, target, java.util.Set.of()));

        assertTrue(full.getMessage().startsWith("writing " + target.resolve("big.bin") + ": "), full.getMessage());
        assertEquals(List.of("a-small.txt"), list(target), "the file that fit, and no part of the one that did not");
        assertEquals("fits\n", Files.readString(target.resolve("a-small.txt")));

        // over a tree that has the file already, it is replaced only by a whole one: the old one stays
        Files.writeString(target.resolve("big.bin"), "the old one\n");
        assertThrows(IOException.class, () -> service.restore(archive, target, java.util.Set.of()));
        assertEquals(List.of("a-small.txt", "big.bin"), list(target), "no temporary file left either");
        assertEquals("the old one\n", Files.readString(target.resolve("big.bin")));
    }

    private void mount(Path destination) throws Exception {
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", destination.toString())
                .redirectErrorStream(true)
                .start();
        String why = new String(mount.getInputStream().readAllBytes());
        assumeTrue(
                mount.waitFor() == 0,
                "skipped: cannot mount a 1 MiB tmpfs (needs root and CAP_SYS_ADMIN): " + why.strip());
        mounted = destination;
    }

    @AfterEach
    void unmount() throws Exception {
        if (mounted != null) {
            new ProcessBuilder("umount", mounted.toString()).start().waitFor();
        }
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
