package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line a terminal shows during a backup: bytes, files, rate, time left; redrawn in place, sparingly. */
class TerminalProgressTest {
    private long now;

    @Test
    void showsBytesFilesRateAndTimeLeftOnOneLineRedrawnInPlace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        TerminalProgress progress = new TerminalProgress(out, () -> now);

        progress.begin("Archiving /src", 1_000_000_000);
        now = 2_000_000_000L;
        progress.worked(200_000_000);
        progress.fileDone();
        progress.fileDone();
        // 100 MB/s, 800 MB to go
        assertEquals("Archiving /src: 200.0 of 1000.0 MB (20%), 2 files, 100 MB/s, 8 s left", progress.line(now));

        // within a fifth of a second of the last drawing nothing is drawn: a tree has tens of thousands of files
        int before = bytes.size();
        progress.worked(1);
        progress.fileDone();
        assertEquals(before, bytes.size());

        progress.step("Reading /usb/a.tar.zst back from the device");
        String shown = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(shown.endsWith("\r\033[KReading /usb/a.tar.zst back from the device"), shown);
        assertFalse(shown.contains("\n"), "one line, rewritten in place");

        progress.close();
        assertTrue(bytes.toString(StandardCharsets.UTF_8).endsWith("\r\033[K"), "the line is cleared at the end");
    }

    @Test
    void eachTaskCountsFromNothing() {
        TerminalProgress progress = new TerminalProgress(
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), () -> now);
        progress.begin("Verifying a.tar.zst", 100_000_000);
        progress.worked(100_000_000);
        progress.fileDone();
        progress.begin("Verifying b.tar.zst", 50_000_000);
        progress.worked(10_000_000);
        assertEquals("Verifying b.tar.zst: 10.0 of 50.0 MB (20%), 0 files", progress.line(now));
    }

    @Test
    void aLongRunShowsMinutesLeft() {
        assertEquals("2 min 05 s", TerminalProgress.Ages.eta(125));
        assertEquals("42 s", TerminalProgress.Ages.eta(42));
    }

    @Test
    void standardErrorOfTheTestsIsNoTerminalSoCommandsStaySilent() {
        // the build runs the tests with standard error on a pipe or a file
        assertFalse(TerminalProgress.standardErrorIsTerminal());
        assertEquals(null, TerminalProgress.onStandardErrorIfTerminal());
    }
}
