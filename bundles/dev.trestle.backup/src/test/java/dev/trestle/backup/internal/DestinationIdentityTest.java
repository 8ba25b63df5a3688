package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.VerifyReport;
import dev.trestle.backup.internal.archive.Sidecars;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination that is not the one backed up to before is refused before anything is written: another volume in
 * its place, an older copy of it put back, or an archive gone from it.
 */
class DestinationIdentityTest {
    @TempDir
    Path temp;

    private Path usb;
    private BackupServiceImpl service;

    @BeforeEach
    void setUp() throws IOException {
        usb = Files.createDirectories(temp.resolve("usb")).toRealPath();
        service = new BackupServiceImpl(temp.resolve("staging"), temp.resolve("state"), 1 << 20);
    }

    private CreateResult backUp(String project) throws IOException {
        return service.create(Fixtures.tree(temp.resolve(project)), usb, ArchiveFormat.TAR_ZST);
    }

    @Test
    void firstUseWritesAMarkerAndEachGoodBackupAdvancesIt() throws IOException {
        backUp("one");
        Properties first = marker(usb);
        assertEquals("1", first.getProperty("generation"));
        backUp("two");
        Properties second = marker(usb);
        assertEquals("2", second.getProperty("generation"));
        assertEquals(first.getProperty("id"), second.getProperty("id"));
    }

    @Test
    void substitutedDestinationIsRefused() throws IOException {
        Path archive = backUp("one").archive();
        String id = marker(usb).getProperty("id");
        // another stick mounted in its place: another volume Trestle wrote to, with its own marker
        Path other = Files.createDirectories(temp.resolve("other"));
        new BackupServiceImpl(temp.resolve("staging2"), temp.resolve("state2"), 1 << 20)
                .create(Fixtures.tree(temp.resolve("elsewhere")), other, ArchiveFormat.TAR_ZST);
        String otherId = marker(other).getProperty("id");
        swap(other);

        DestinationRefused refused = assertThrows(DestinationRefused.class, () -> backUp("two"));

        assertEquals(
                usb + " holds another volume: its marker says " + otherId + ", the backups here went to " + id
                        + " — it was substituted or re-formatted; " + archive + ", backed up here earlier ("
                        + Files.size(usb.resolveSibling("usb.before").resolve(archive.getFileName()))
                        + " bytes), is missing",
                refused.getMessage());
        assertEquals(1, count(temp.resolve("staging"), ".tar.zst"), "the verified local copy is kept");
    }

    @Test
    void rolledBackDestinationIsRefused() throws IOException {
        backUp("one");
        Path older = temp.resolve("older");
        copyTree(usb, older);
        Path second = backUp("two").archive();
        long size = Files.size(second);
        swap(older);

        VerifyReport verified = service.verifyDestination(usb).get(0);
        assertEquals(usb, verified.archive());
        assertTrue(
                verified.problems()
                        .contains(usb + " was rolled back: its marker is at generation 1, the last backup left it at"
                                + " 2 — an older copy of the destination?"),
                verified.problems()::toString);
        String text = VerifyText.of(service.verifyDestination(usb));
        assertTrue(
                text.startsWith("WRONG DESTINATION " + usb + ": " + usb + " was rolled back: its marker is at"
                        + " generation 1, the last backup left it at 2 — an older copy of the destination?; "),
                text);
        DestinationRefused refused = assertThrows(DestinationRefused.class, () -> backUp("three"));

        assertEquals(
                usb + " was rolled back: its marker is at generation 1, the last backup left it at 2 — an older copy"
                        + " of the destination?; " + second + ", backed up here earlier (" + size
                        + " bytes), is missing",
                refused.getMessage());
    }

    @Test
    void missingOrCutEarlierArchiveIsRefused() throws IOException {
        Path first = backUp("one").archive();
        long firstSize = Files.size(first);
        Path second = backUp("two").archive();
        long secondSize = Files.size(second);
        Files.delete(first);
        try (var channel = java.nio.channels.FileChannel.open(second, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(secondSize - 10);
        }

        DestinationRefused refused = assertThrows(DestinationRefused.class, () -> backUp("three"));

        assertEquals(
                first + ", backed up here earlier (" + firstSize + " bytes), is missing; " + second + " is "
                        + (secondSize - 10) + " bytes, it was " + secondSize + " when it was verified",
                refused.getMessage());
        assertTrue(Files.exists(Sidecars.good(second)), "refusing to write does not touch what is there");
    }

    @Test
    void missingMarkerIsRefused() throws IOException {
        backUp("one");
        String id = marker(usb).getProperty("id");
        Files.delete(usb.resolve(DestinationGuard.MARKER));

        DestinationRefused refused = assertThrows(DestinationRefused.class, () -> backUp("two"));

        assertEquals(
                "the volume marker " + usb.resolve(DestinationGuard.MARKER) + " is missing: " + usb
                        + " was wiped or replaced since the last backup (expected volume " + id + ")",
                refused.getMessage());
    }

    @Test
    void crashBetweenMarkerAndRecordIsNotMistakenForAnotherWriter() throws IOException {
        backUp("one");
        // the marker advanced, the local record only noted it was about to: as if killed in between
        service.guard().advance(usb);

        CreateResult next = backUp("two");

        assertTrue(Files.exists(Sidecars.good(next.archive())));
        assertEquals("3", marker(usb).getProperty("generation"));
    }

    /** Puts {@code replacement} where the destination was, keeping the original as {@code usb.before}. */
    private void swap(Path replacement) throws IOException {
        Files.move(usb, usb.resolveSibling("usb.before"));
        Files.move(replacement, usb);
    }

    private static Properties marker(Path destination) throws IOException {
        Properties marker = new Properties();
        try (InputStream in = Files.newInputStream(destination.resolve(DestinationGuard.MARKER))) {
            marker.load(in);
        }
        return marker;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static long count(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).count();
        }
    }
}
