package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.Selection;
import dev.trestle.core.jobs.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A create run as a job: it reports the bytes it archives and its steps, and stops cleanly when cancelled. */
class ProgressAndCancelTest {
    @TempDir
    Path temp;

    private final Path staging() {
        return temp.resolve("staging");
    }

    private CreateResult create(Path source, Path usb, Progress progress) throws IOException {
        return new BackupServiceImpl(staging(), temp.resolve("state"), 1 << 20)
                .create(source, usb, ArchiveFormat.TAR_ZST, Selection.ALL, progress);
    }

    @Test
    void reportsEveryByteOfTheTotalAndEachStep() throws IOException {
        Path source = Fixtures.tree(temp.resolve("project"));
        Path usb = Files.createDirectories(temp.resolve("usb"));
        RecordingProgress progress = new RecordingProgress(Long.MAX_VALUE, null);

        CreateResult result = create(source, usb, progress);

        assertEquals(8 * 24 * 1024, progress.total);
        assertEquals(progress.total, progress.worked);
        assertEquals(result.bytes(), progress.worked);
        assertEquals(3, progress.steps.size(), progress.steps::toString);
        assertTrue(progress.steps.get(0).startsWith("Verifying the staged copy"), progress.steps::toString);
        assertEquals("Copying to " + usb, progress.steps.get(1));
        assertEquals("Reading " + result.archive() + " back from the device", progress.steps.get(2));
    }

    @Test
    void cancelledWhileArchivingLeavesNothingStagedOrAtTheDestinationAndTheNextRunSucceeds() throws IOException {
        Path source = Fixtures.tree(temp.resolve("project"));
        Path usb = Files.createDirectories(temp.resolve("usb"));
        RecordingProgress progress = new RecordingProgress(30 * 1024, null);

        assertThrows(CancellationException.class, () -> create(source, usb, progress));

        assertTrue(progress.worked < progress.total, "stopped after " + progress.worked + " bytes");
        assertEquals(List.of(), list(staging()));
        assertEquals(List.of(), list(usb));
        create(source, usb, new RecordingProgress(Long.MAX_VALUE, null));
        assertEquals(
                1,
                list(usb).stream()
                        .filter(name -> name.endsWith(".tar.zst.good"))
                        .count());
    }

    @Test
    void cancelledAfterVerifyingTheStagedCopyStopsBeforeTheDestination() throws IOException {
        Path source = Fixtures.tree(temp.resolve("project"));
        Path usb = Files.createDirectories(temp.resolve("usb"));
        RecordingProgress progress = new RecordingProgress(Long.MAX_VALUE, "Verifying");

        assertThrows(CancellationException.class, () -> create(source, usb, progress));

        assertEquals(List.of(), list(staging()));
        assertEquals(List.of(), list(usb));
    }

    private static List<String> list(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
