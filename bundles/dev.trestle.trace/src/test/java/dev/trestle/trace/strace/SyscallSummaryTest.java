package dev.trestle.trace.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compares with strace -c itself. {@code strace -C} prints the trace and the -c table of the same run into one file,
 * so even nondeterministic calls (wait4 retries, ERESTARTSYS) must match exactly.
 */
class SyscallSummaryTest {
    private static final Path STRACE = Path.of("/usr/bin/strace");

    @TempDir
    Path dir;

    @Test
    void committedLogMatchesItsOwnStraceCTable() {
        String log = Fixtures.text("workload-f-C-tt-T.log");
        var parsed = Fixtures.parse(log);
        assertEquals(
                Fixtures.straceCTable(log),
                sortedLike(Fixtures.straceCTable(log), Fixtures.summaryOf(parsed.events())));
    }

    @Test
    void shellWorkloadMatchesStraceC() throws Exception {
        Map<String, List<Long>> expected = compareWithStraceC(
                "/bin/sh",
                "-c",
                "ls /usr/include >/dev/null; cat /etc/hostname >/dev/null; ls /nonexistent 2>/dev/null; true");
        assertTrue(expected.get("execve").get(0) >= 4, expected.toString());
    }

    @Test
    void compiledWorkloadMatchesStraceCAndMakesItsKnownCalls() throws Exception {
        Path source = dir.resolve("workload.c");
        Files.writeString(source, Fixtures.text("workload.c"));
        Path binary = dir.resolve("workload");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/gcc")), "gcc is not installed");
        assertEquals(0, run(List.of("gcc", "-O1", "-o", binary.toString(), source.toString())), "gcc failed");
        Map<String, List<Long>> table = compareWithStraceC(binary.toString());
        // workload.c: three opens of a missing file, one missing access, close(99) fails, two forks
        assertTrue(table.get("openat").get(1) >= 3, table.toString());
        assertTrue(table.get("access").get(1) >= 1, table.toString());
        assertTrue(table.get("close").get(1) >= 1, table.toString());
        assertEquals(2L, table.get("clone").get(0));
    }

    private Map<String, List<Long>> compareWithStraceC(String... command) throws Exception {
        assumeTrue(Files.isExecutable(STRACE), "strace is not installed");
        Path log = dir.resolve("log");
        List<String> args = new ArrayList<>(List.of(STRACE.toString(), "-f", "-C", "-tt", "-T", "-o", log.toString()));
        args.addAll(List.of(command));
        int status = run(args);
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assumeTrue(status == 0 && text.contains("execve("), "strace cannot trace here (ptrace denied?): " + text);
        Map<String, List<Long>> expected = Fixtures.straceCTable(text);
        var parsed = Fixtures.parse(text);
        assertEquals(
                0,
                parsed.report().problemCount(),
                parsed.report().firstProblems().toString());
        assertEquals(expected, sortedLike(expected, Fixtures.summaryOf(parsed.events())));
        // `trace summary` counts the file in parallel chunks, most lines through the fast path: the same table.
        for (long chunk : new long[] {1 << 20, 4096}) {
            SyscallSummary summary = new SyscallSummary();
            ParseReport report = StraceParser.create().summarize(log, summary, chunk, 2);
            assertEquals(0, report.problemCount(), report.firstProblems().toString());
            Map<String, List<Long>> table = new java.util.LinkedHashMap<>();
            summary.rows().forEach(r -> table.put(r.syscall(), List.of(r.calls(), r.errors())));
            assertEquals(expected, sortedLike(expected, table), "in chunks of " + chunk);
        }
        return expected;
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile())
                .start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        return process.exitValue();
    }

    /** Same entries in the order of {@code order}, so a mismatch shows as a readable map diff. */
    private static Map<String, List<Long>> sortedLike(Map<String, List<Long>> order, Map<String, List<Long>> actual) {
        Map<String, List<Long>> sorted = new java.util.LinkedHashMap<>();
        order.keySet().stream().filter(actual::containsKey).forEach(k -> sorted.put(k, actual.get(k)));
        actual.forEach(sorted::putIfAbsent);
        return sorted;
    }
}
