package dev.trestle.trace.internal.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.core.command.CommandFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code trace:summary} picks the analysis by the detected format; expected figures are read off the fixtures. */
class SummaryFormatsTest {
    private final StraceCommands commands = new StraceCommands();

    @TempDir
    Path dir;

    private String fixture(String resource) throws IOException {
        Path file = dir.resolve(Path.of(resource).getFileName().toString());
        try (InputStream in = getClass().getResourceAsStream("/" + resource)) {
            Files.copy(in, file);
        }
        return file.toString();
    }

    private static String squeezed(String text) {
        return text.replaceAll("[ \\t]+", " ");
    }

    @Test
    void ltraceLogSummarisesCallsPerFunction() throws IOException {
        String table = squeezed(commands.summary(fixture("ltrace/demo.log")));
        assertTrue(table.startsWith("FUNCTION CALLS USECS\n"), table);
        assertTrue(table.contains("\nsnprintf 3 0\n"), "three snprintf lines, no -T: " + table);
        assertTrue(table.endsWith("\n(no durations in this log, so no times: record it with ltrace -T)\n"), table);
        String timed = commands.summary(fixture("ltrace/demo-f-S-tt-T.log"));
        assertFalse(timed.contains("no durations"), timed);
    }

    @Test
    void ltraceCountTableIsShownAsItsRows() throws IOException {
        String table = squeezed(commands.summary(fixture("ltrace/demo-c.log")));
        assertTrue(table.contains("\nusleep 1 1164\n") && table.contains("\nsnprintf 3 193\n"), table);
    }

    @Test
    void functionGraphGivesSelfAndTotalTimeOfTheHottestFunctions() throws IOException {
        String trace = fixture("ftrace/function_graph.trace");
        String json = commands.summary("--json", trace);
        // sys_open: 16.5 us in all, 14.0 of them in do_sys_open
        assertTrue(
                json.contains(
                        "{\"function\":\"sys_open\",\"calls\":\"1\",\"selfNanos\":\"2500\",\"totalNanos\":\"16500\"}"),
                json);
        assertTrue(squeezed(commands.summary(trace)).startsWith("FUNCTION CALLS SELFNANOS TOTALNANOS\n"));
    }

    @Test
    void functionTracerWithoutGraphSaysWhatTheSummaryNeeds() throws IOException {
        String text = commands.summary(fixture("ftrace/function.trace"));
        assertTrue(text.startsWith("no function_graph entries in "), text);
    }

    @Test
    void bpftraceMapsAndHistogramsAreListed() throws IOException {
        String table = squeezed(commands.summary(fixture("dtrace/bpftrace.txt")));
        assertTrue(table.contains("\n@counts[bash] value 42\n"), table);
        assertTrue(table.contains("\n@hist histogram of 5 buckets 26\n"), "1+3+8+12+2: " + table);
    }

    @Test
    void dtraceQuantizeHistogramsAreListedWithTheirTotals() throws IOException {
        String table = squeezed(commands.summary(fixture("dtrace/quantize.txt")));
        assertTrue(table.contains("histogram of 5 buckets 37\n"), "0+12+4+21+0: " + table);
    }

    @Test
    void kernelLogPointsToIncidents() throws IOException {
        String log = fixture("kernel/seed-blog-2012-04-11.log");
        var failure = assertThrows(CommandFailure.class, () -> commands.summary(log));
        assertTrue(failure.getMessage().contains("trace incidents " + log), failure.getMessage());
    }

    @Test
    void binaryFileIsBadInputNamingFileAndReason() throws IOException {
        String file = fixture("detect/binary.bin");
        var failure = assertThrows(CommandFailure.class, () -> commands.summary(file));
        assertTrue(
                failure.getMessage().contains(file) && failure.getMessage().contains("binary data"),
                failure.getMessage());
        assertEquals(2, failure.status());
    }
}
