package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.ArchiveWriter;
import dev.trestle.backup.internal.archive.Frame;
import dev.trestle.backup.internal.archive.IndexFile;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.backup.internal.archive.Sidecars;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restore of an archive of many frames, each decompressed and checked on a worker and written in order: into an
 * empty directory each file goes straight to its name; over an existing tree a file is replaced only once the new
 * one is whole, and nothing is left under a temporary name either way.
 */
class RestoreIntoTreeTest {
    @TempDir
    Path temp;

    private final BackupServiceImpl service = new BackupServiceImpl(Path.of("unused"), 1);

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    /** 60 files of up to 9 KB in 16 KB frames: a few files each, so there are many frames in flight on the workers. */
    private Path archive() throws IOException {
        Random random = new Random(5);
        for (int i = 0; i < 60; i++) {
            byte[] content = new byte[random.nextInt(9000)];
            random.nextBytes(content);
            files.put("d" + (i % 4) + "/sub" + (i % 3) + "/f" + i, content);
        }
        Path archive = temp.resolve("tree.tar.zst");
        ArchiveIndex index;
        try (OutputStream out = Files.newOutputStream(archive)) {
            ArchiveWriter writer = new ArchiveWriter(out, ArchiveFormat.TAR_ZST, 16 << 10);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                writer.file(file.getKey(), 0640, 1_500_000_000L, file.getValue());
            }
            index = writer.finish();
        }
        Files.write(Sidecars.index(archive), IndexFile.bytes(index));
        assertTrue(index.frames().size() > 10, "frames: " + index.frames().size());
        return archive;
    }

    @Test
    void everyFileOfEveryFrameIsRestoredIntoAnEmptyDirectoryAndOverAnExistingTree() throws IOException {
        Path archive = archive();
        Path fresh = temp.resolve("fresh");
        assertRestored(files, fresh, service.restore(archive, fresh, Set.of()));

        Path existing = temp.resolve("existing");
        Files.createDirectories(existing.resolve("d1/sub1"));
        Files.writeString(existing.resolve("d1/sub1/f1"), "older and longer than nothing", StandardCharsets.UTF_8);
        Files.writeString(existing.resolve("kept"), "not in the archive", StandardCharsets.UTF_8);
        assertRestored(files, existing, service.restore(archive, existing, Set.of()));
        assertEquals("not in the archive", Files.readString(existing.resolve("kept")));
    }

    @Test
    void namedFilesComeFromTheirOwnFramesAloneSoDamageElsewhereDoesNotTouchThem() throws IOException {
        Path archive = archive();
        ArchiveIndex index = IndexFile.read(Sidecars.index(archive));
        Frame last = index.frames().getLast();
        byte[] bytes = Files.readAllBytes(archive);
        bytes[(int) (last.offset() + last.length() / 2)] ^= 0x10;
        Files.write(archive, bytes);
        List<String> inLastFrame = index.membersOf(index.frames().size() - 1).stream()
                .map(Member::path)
                .toList();

        Path some = temp.resolve("some");
        Map<String, byte[]> wanted = new LinkedHashMap<>();
        for (String name : List.of("d0/sub0/f0", "d1/sub1/f1", "d3/sub0/f27")) {
            wanted.put(name, files.get(name));
        }
        assertRestored(wanted, some, service.restore(archive, some, Set.of("d0/sub0/f0", "d1/sub1/f1", "d3/sub0/f27")));

        RestoreReport all = service.restore(archive, temp.resolve("all"), Set.of());
        assertEquals(
                inLastFrame,
                all.damaged().stream().map(d -> d.substring(0, d.indexOf(':'))).toList());
    }

    @Test
    void aRestoreTellsItsProgressAndACancelStopsItBetweenFramesWithEveryFileWrittenWhole() throws IOException {
        Path archive = archive();
        ArchiveIndex index = IndexFile.read(Sidecars.index(archive));
        RecordingProgress counting = new RecordingProgress(Long.MAX_VALUE, null);
        service.restore(archive, temp.resolve("counted"), Set.of(), counting);
        assertEquals(index.expectedSize(), counting.total);
        assertEquals(index.expectedSize(), counting.worked);
        assertEquals(files.size(), counting.files);

        Path stopped = temp.resolve("stopped");
        // cancelled once the first frame is done
        RecordingProgress cancelling = new RecordingProgress(1, null);
        assertThrows(CancellationException.class, () -> service.restore(archive, stopped, Set.of(), cancelling));
        try (Stream<Path> all = Files.walk(stopped)) {
            List<Path> written = all.filter(Files::isRegularFile).toList();
            assertTrue(!written.isEmpty() && written.size() < files.size(), written::toString);
            for (Path file : written) {
                String name = stopped.relativize(file).toString();
                assertArrayEquals(files.get(name), Files.readAllBytes(file), name);
            }
        }
    }

    @Test
    void aVerifyTellsItsProgressToo() throws IOException {
        Path archive = archive();
        RecordingProgress counting = new RecordingProgress(Long.MAX_VALUE, null);
        assertTrue(service.verify(archive, counting).intact());
        long size = Files.size(archive);
        assertEquals(size, counting.total);
        assertEquals(size, counting.worked);
        assertEquals(files.size(), counting.files);
        assertThrows(CancellationException.class, () -> service.verify(archive, new RecordingProgress(1, null)));
    }

    @Test
    void whatTheTargetWillNotTakeIsReportedAndTheRestoreGoesOn() throws IOException, InterruptedException {
        Path archive = temp.resolve("locked.tar.zst");
        ArchiveIndex index;
        try (OutputStream out = Files.newOutputStream(archive)) {
            ArchiveWriter writer = new ArchiveWriter(out, ArchiveFormat.TAR_ZST, 16 << 10);
            writer.directory("free", 0755, 1_500_000_000L);
            writer.file("free/a", 0644, 1_500_000_000L, bytes("a"));
            writer.directory("locked", 0700, 1_500_000_000L);
            writer.file("locked/b", 0644, 1_500_000_000L, bytes("b"));
            writer.file("locked/c", 0644, 1_500_000_000L, bytes("c"));
            writer.file("z", 0644, 1_500_000_000L, bytes("z"));
            index = writer.finish();
        }
        Files.write(Sidecars.index(archive), IndexFile.bytes(index));
        Path target = temp.resolve("target");
        Path locked = Files.createDirectories(target.resolve("locked"));
        // immutable: not even root may add a file to it or change its mode
        Process chattr = new ProcessBuilder("chattr", "+i", locked.toString())
                .redirectErrorStream(true)
                .start();
        String why = new String(chattr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assumeTrue(
                chattr.waitFor() == 0,
                "skipped: chattr +i is refused here (it needs ext4 or the like, and CAP_LINUX_IMMUTABLE): " + why);
        try {
            RestoreReport report = service.restore(archive, target, Set.of());
            assertEquals(List.of("free", "free/a", "z"), report.restored());
            assertEquals(
                    List.of(
                            "locked/b: Operation not permitted",
                            "locked/c: Operation not permitted",
                            "locked: Operation not permitted"),
                    report.failed());
            assertFalse(report.complete());
            assertEquals("z", Files.readString(target.resolve("z")));
        } finally {
            new ProcessBuilder("chattr", "-i", locked.toString()).start().waitFor();
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void assertRestored(Map<String, byte[]> files, Path target, RestoreReport report)
            throws IOException {
        assertTrue(report.complete(), report::toString);
        assertEquals(List.copyOf(files.keySet()), report.restored());
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path restored = target.resolve(file.getKey());
            assertArrayEquals(file.getValue(), Files.readAllBytes(restored), file.getKey());
            assertEquals(1_500_000_000_000L, Files.getLastModifiedTime(restored).toMillis(), file.getKey());
        }
        try (Stream<Path> all = Files.walk(target)) {
            assertEquals(
                    List.of(),
                    all.filter(p -> p.getFileName().toString().endsWith(".trestle-restore"))
                            .toList());
        }
    }
}
