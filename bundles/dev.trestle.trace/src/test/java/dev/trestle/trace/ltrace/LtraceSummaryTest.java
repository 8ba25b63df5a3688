package dev.trestle.trace.ltrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.trace.Fixtures;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LtraceSummaryTest {
    private static Map<String, Long> summaryOf(Reader events) throws IOException {
        LtraceSummary summary = new LtraceSummary();
        LtraceParser.create().parse(events, summary);
        Map<String, Long> calls = new TreeMap<>();
        summary.functions().forEach(f -> calls.put(f.function(), f.calls()));
        return calls;
    }

    private static Map<String, Long> tableOf(Reader table) throws IOException {
        Map<String, Long> calls = new TreeMap<>();
        LtraceParser.create().parse(table, e -> {
            if (e instanceof LtraceCount c) {
                calls.put(c.function(), c.calls());
            }
        });
        return calls;
    }

    @Test
    void callCountsFromEventsAgreeWithLtraceDashCOnTheSameProgram() throws IOException {
        assertEquals(
                tableOf(new StringReader(Fixtures.text("ltrace/demo-c.log"))),
                summaryOf(new StringReader(Fixtures.text("ltrace/demo.log"))));
    }

    @Test
    void timeIsTheSumOfDashTDurationsMostFirst() throws IOException {
        LtraceSummary summary = new LtraceSummary();
        LtraceParser.create()
                .parse(new StringReader("a() = 1 <0.000010>\nb() = 1 <0.000100>\na() = 1 <0.000020>\n"), summary);
        assertEquals(
                java.util.List.of(
                        new LtraceSummary.FunctionStats("b", 1, 100), new LtraceSummary.FunctionStats("a", 2, 30)),
                summary.functions());
    }

    /** Runs the real ltrace, when the sandbox lets it attach, on the same program twice: events and -c. */
    @Test
    void liveLtraceCountsAgreeWithTheSummaryOfItsEvents(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/ltrace")), "ltrace is not installed");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed");
        Path source = dir.resolve("demo.c");
        Files.writeString(source, Fixtures.text("ltrace/demo.c"));
        Path program = dir.resolve("demo");
        assumeTrue(run(dir, "gcc", "-O0", "-o", program.toString(), source.toString()) == 0, "gcc failed");
        Path events = dir.resolve("events.log");
        Path table = dir.resolve("table.log");
        assumeTrue(
                run(dir, "ltrace", "-f", "-o", events.toString(), program.toString()) == 0 && Files.size(events) > 0,
                "ltrace cannot attach here (ptrace not permitted?)");
        assumeTrue(run(dir, "ltrace", "-f", "-c", "-o", table.toString(), program.toString()) == 0, "ltrace -c failed");
        try (Reader e = Files.newBufferedReader(events);
                Reader t = Files.newBufferedReader(table)) {
            assertEquals(tableOf(t), summaryOf(e));
        }
    }

    private static int run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
