package dev.trestle.trace.dtrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.trace.Fixtures;
import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DtraceParserTest {
    private final List<DtraceEvent> events = new ArrayList<>();

    private ParseReport parse(Reader in) throws IOException {
        return DtraceParser.create().parse(in, events::add);
    }

    private void parse(String resource) throws IOException {
        ParseReport report = parse(new StringReader(Fixtures.text(resource)));
        assertEquals(0, report.problemCount(), resource + ": " + report.firstProblems());
    }

    private static DtraceHistogram.Bucket b(String label, long count) {
        return new DtraceHistogram.Bucket(label, count);
    }

    @Test
    void probeLinesGiveCpuIdFunctionNameAndData() throws IOException {
        parse("dtrace/probes.txt");
        assertEquals(
                List.of(
                        new DtraceProbe(3, 0, 12345, "open", "entry", "/etc/passwd"),
                        new DtraceProbe(4, 1, 12347, "openat", "entry", "/usr/lib/locale/locale-archive"),
                        new DtraceProbe(5, 0, 75930, "", "tick-1s", "")),
                events);
    }

    @Test
    void printaRowsSplitKeysOnWideGaps() throws IOException {
        parse("dtrace/aggregation.txt");
        assertEquals(new DtraceAggregation(4, "", List.of("sshd"), "7"), events.get(0));
        assertEquals(new DtraceAggregation(6, "", List.of("dtrace", "read"), "12"), events.get(2));
        assertEquals(42, ((DtraceAggregation) events.get(1)).count().orElseThrow());
    }

    @Test
    void quantizeAndLquantizeHistogramsTakeTheKeyFromTheLineBefore() throws IOException {
        parse("dtrace/quantize.txt");
        assertEquals(
                List.of(
                        new DtraceHistogram(
                                5,
                                "",
                                List.of("bash"),
                                List.of(b("0", 0), b("1", 12), b("2", 4), b("4", 21), b("8", 0))),
                        new DtraceHistogram(
                                13, "", List.of("sshd"), List.of(b("< 10", 3), b("10", 6), b("20", 0), b(">= 30", 3)))),
                events);
        assertEquals(37, ((DtraceHistogram) events.get(0)).total());
    }

    @Test
    void bpftraceMapsScalarsAndHistograms() throws IOException {
        parse("dtrace/bpftrace.txt");
        assertEquals(new DtraceAggregation(4, "@counts", List.of("bash"), "42"), events.get(0));
        assertEquals(new DtraceAggregation(6, "@bytes", List.of("bash", "1234"), "4096"), events.get(2));
        assertEquals(new DtraceAggregation(7, "@total", List.of(), "49"), events.get(3));
        assertEquals(
                new DtraceHistogram(
                        9,
                        "@hist",
                        List.of(),
                        List.of(b("[0]", 1), b("[1]", 3), b("[2, 4)", 8), b("[4, 8)", 12), b("[8K, 16K)", 2))),
                events.get(4));
        assertEquals(
                new DtraceHistogram(
                        16, "@lat", List.of("sshd"), List.of(b("(..., 0)", 1), b("[0, 10)", 5), b("[100, ...)", 2))),
                events.get(5));
    }

    @Test
    void printfOutputAndACutHistogramLineAreProblemsAndTheHistogramSoFarIsKept() throws IOException {
        String text = "@h:\n[0]     1 |@   |\nhello from printf\n@x: 3\n[1]     2 |@@";
        ParseReport report = parse(new StringReader(text));
        assertEquals(List.of(3L, 5L), report.firstProblemLines());
        assertEquals(new DtraceHistogram(1, "@h", List.of(), List.of(b("[0]", 1))), events.get(0));
        assertEquals(2, events.size());
    }

    @Test
    void oneCharPerReadGivesTheSameEvents() throws IOException {
        List<DtraceEvent> whole = new ArrayList<>();
        DtraceParser.create().parse(new StringReader(Fixtures.text("dtrace/quantize.txt")), whole::add);
        parse(Fixtures.oneCharAtATime(Fixtures.text("dtrace/quantize.txt")));
        assertEquals(whole, events);
    }
}
