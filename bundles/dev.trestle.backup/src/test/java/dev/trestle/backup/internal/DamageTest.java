package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.Manifests;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Fault injection into archives at their destination: each names exactly the files the damage reaches. */
class DamageTest {
    @TempDir
    Path temp;

    private Path archive;
    private ArchiveIndex index;
    private final BackupServiceImpl service = new BackupServiceImpl(Path.of("unused"), 1);

    /** One member per frame (frames cut after every member), so damage in a frame is damage to one file. */
    private void backUp(ArchiveFormat format) throws IOException {
        archive = Fixtures.create(temp, format, 1).archive();
        index = Fixtures.index(archive);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void flippedBitInTheMiddleNamesTheOneDamagedFileAndRestoresTheRest(ArchiveFormat format) throws IOException {
        backUp(format);
        long middle = Files.size(archive) / 2;
        Fixtures.modify(archive, middle, b -> b ^ 0x10);
        assertOnlyDamaged(Fixtures.filesInFrames(index, middle, middle + 1));
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void changedByteInTheMiddleNamesTheOneDamagedFileAndRestoresTheRest(ArchiveFormat format) throws IOException {
        backUp(format);
        long middle = Files.size(archive) / 2 + 100;
        Fixtures.modify(archive, middle, b -> b + 1);
        assertOnlyDamaged(Fixtures.filesInFrames(index, middle, middle + 1));
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void truncatedToHalfNamesEveryFileFromTheCutOn(ArchiveFormat format) throws IOException {
        backUp(format);
        long half = Files.size(archive) / 2;
        truncate(half);
        VerifyReport report = service.verify(archive);
        assertEquals(Fixtures.membersInFrames(index, half, Long.MAX_VALUE), new TreeSet<>(report.damaged()));
        assertTrue(
                report.problems().get(0).startsWith("truncated: " + half + " bytes"),
                report.problems().get(0));
        Set<String> rest = new TreeSet<>(Fixtures.allFiles(index));
        rest.removeAll(report.damaged());
        assertEquals(rest, restorableFiles(report));
        assertRestoresExactly(rest);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void lastTenBytesCutOffAreDetectedAndEveryFileStillRestores(ArchiveFormat format) throws IOException {
        backUp(format);
        long size = Files.size(archive);
        truncate(size - 10);
        VerifyReport report = service.verify(archive);
        assertFalse(report.intact());
        assertEquals(Set.of(), Set.copyOf(report.damaged()));
        assertEquals(Fixtures.allFiles(index), restorableFiles(report));
        assertTrue(report.problems().contains("truncated: " + (size - 10) + " bytes, the index expects " + size));
        // zstd loses the last manifest's content; bzip2 only its end-of-stream marker, so the frame is what is damaged
        String last = "frame " + (index.frames().size() - 1) + " ";
        assertTrue(
                report.problems().stream()
                        .anyMatch(p -> p.startsWith("manifest " + Manifests.DIRECTORY) || p.startsWith(last)),
                report.problems()::toString);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void trailingGarbageIsDetected(ArchiveFormat format) throws IOException {
        backUp(format);
        Files.write(archive, new byte[] {1, 2, 3, 4, 5, 6, 7}, StandardOpenOption.APPEND);
        VerifyReport report = service.verify(archive);
        assertEquals(Set.of(), Set.copyOf(report.damaged()));
        assertTrue(
                report.problems().contains("trailing data: 7 bytes after the last frame"), report.problems()::toString);
        assertTrue(report.problems().stream().anyMatch(p -> p.startsWith("size ")), report.problems()::toString);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void intactArchiveVerifiesClean(ArchiveFormat format) throws IOException {
        backUp(format);
        VerifyReport report = service.verify(archive);
        assertTrue(report.intact(), report::toString);
        assertEquals(Fixtures.allFiles(index), restorableFiles(report));
        assertEquals(8, Fixtures.allFiles(index).size());
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void missingArchiveNamesEveryFileAsDamaged(ArchiveFormat format) throws IOException {
        backUp(format);
        Files.delete(archive);
        VerifyReport report = service.verifyDestination(archive.getParent()).get(0);
        assertEquals(archive, report.archive());
        assertTrue(Set.copyOf(report.damaged()).containsAll(Fixtures.allFiles(index)));
        assertEquals(Set.of(), Set.copyOf(report.restorable()));
        assertEquals("archive missing: " + archive, report.problems().get(0));
    }

    private void assertOnlyDamaged(Set<String> expected) throws IOException {
        assertEquals(1, expected.size(), "the damage should land in one file's frame: " + expected);
        VerifyReport report = service.verify(archive);
        assertEquals(expected, Set.copyOf(report.damaged()));
        Set<String> rest = new TreeSet<>(Fixtures.allFiles(index));
        rest.removeAll(expected);
        assertEquals(rest, restorableFiles(report));
        assertRestoresExactly(rest);
    }

    /** Restores everything and checks that exactly {@code files} came back, byte for byte. */
    private void assertRestoresExactly(Set<String> files) throws IOException {
        Path target = temp.resolve("restored");
        RestoreReport restore = service.restore(archive, target, Set.of());
        assertFalse(restore.complete());
        Set<String> present = new TreeSet<>();
        for (String file : Fixtures.allFiles(index)) {
            Path restored = target.resolve(file);
            if (Files.exists(restored)) {
                present.add(file);
                assertEquals(
                        -1L, Files.mismatch(restored, temp.resolve("project").resolve(file)), file);
            }
        }
        assertEquals(files, present);
    }

    private Set<String> restorableFiles(VerifyReport report) {
        Set<String> files = new TreeSet<>(report.restorable());
        files.retainAll(Fixtures.allFiles(index));
        return files;
    }

    private void truncate(long size) throws IOException {
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.WRITE)) {
            channel.truncate(size);
        }
    }
}
