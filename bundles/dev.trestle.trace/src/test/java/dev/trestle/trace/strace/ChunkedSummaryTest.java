package dev.trestle.trace.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link StraceParser#summarize} counts in chunks without making events; it must give exactly what the event parse
 * gives, wherever the chunks are cut. Tiny chunks cut inside every construct that spans lines.
 */
class ChunkedSummaryTest {
    private static final List<String> FIXTURES = List.of(
            "cat-k-excerpt.log",
            "restart-f-tt-T.log",
            "sh-f-tt-T-stderr-spliced.log",
            "sleep-p-detached.log",
            "workload-f-C-tt-T.log",
            "workload-f-r.log",
            "workload-f-t.log",
            "workload-f-tt-T-stderr.log",
            "workload-f-ttt.log",
            "workload-f-yy-T.log",
            "workload-ff-tt-T.27911",
            "workload-ff-tt-T.27912",
            "workload-ff-tt-T.27913",
            "workload-k.log",
            "workload-x.log",
            "workload-xx.log",
            "workload-y.log");

    @TempDir
    Path dir;

    @Test
    void everyCommittedLogCutAnywhereSummarizesLikeTheEventParse() throws IOException {
        for (String name : FIXTURES) {
            Path log = dir.resolve(name);
            Files.writeString(log, Fixtures.text(name), StandardCharsets.UTF_8);
            for (long chunk : new long[] {1, 13, 100, 1000, 1 << 20}) {
                assertSameSummary(log, chunk, 3);
            }
        }
    }

    @Test
    void unfinishedCallsResumedInLaterChunksJoinAcrossTheCut() throws IOException {
        Path log = dir.resolve("interleaved.log");
        Files.writeString(log, interleaved(new Random(42), 3000), StandardCharsets.UTF_8);
        for (long chunk : new long[] {7, 61, 200, 997, 5000}) {
            assertSameSummary(log, chunk, 4);
        }
        assertSameSummary(log, 61, 1);
    }

    @Test
    void logCutMidLineAndGarbageKeepTheirLineNumbersInLaterChunks() throws IOException {
        Path log = dir.resolve("cut.log");
        String text = interleaved(new Random(7), 500);
        Files.writeString(log, text.substring(0, text.length() - 9), StandardCharsets.UTF_8);
        ParseReport report = assertSameSummary(log, 100, 3);
        assertTrue(report.problemCount() > 1, report.toString());
    }

    /**
     * The summary reads most lines through {@link CompleteCalls}, a fast path that must count exactly what the general
     * path counts or leave the line to it. Real lines damaged at random (cut, bytes of strace's syntax inserted,
     * doubled or dropped, carriage returns, spaces) put it on every edge it has; the log is larger than the read
     * buffer, so lines also straddle buffer refills.
     */
    @Test
    void damagedLinesCountTheSameThroughTheFastPathAsThroughTheGeneralOne() throws IOException {
        List<String> lines = new java.util.ArrayList<>();
        for (String name : FIXTURES) {
            lines.addAll(Fixtures.text(name).lines().toList());
        }
        lines.addAll(interleaved(new Random(3), 400).lines().toList());
        Random random = new Random(11);
        StringBuilder log = new StringBuilder();
        while (log.length() < 24 * LineSource.BUFFER) {
            String line = lines.get(random.nextInt(lines.size()));
            log.append(random.nextBoolean() ? damaged(line, random) : line).append('\n');
        }
        Path file = dir.resolve("damaged.log");
        Files.writeString(file, log, StandardCharsets.UTF_8);
        SyscallSummary general = new SyscallSummary();
        ParseReport generalReport = new ChunkedSummary(file, 0, 5, 1 << 20, 1, false).into(general);
        SyscallSummary fast = new SyscallSummary();
        ParseReport fastReport = new ChunkedSummary(file, 0, 5, 1 << 20, 1, true).into(fast);
        assertEquals(general.rows(), fast.rows());
        assertEquals(generalReport, fastReport);
        assertTrue(generalReport.problemCount() > 100, generalReport.toString());
        assertTrue(general.total().calls() > 1000, general.total().toString());
        assertSameSummary(file, 1 << 20, 1);
        assertSameSummary(file, 4000, 3);
    }

    private static String damaged(String line, Random random) {
        StringBuilder b = new StringBuilder(line);
        // strace's syntax first: half the insertions are of these.
        String syntax = "\"\\()[]{}<>\r= :.-E?0123456789x";
        for (int n = 1 + random.nextInt(3); n > 0 && !b.isEmpty(); n--) {
            int at = random.nextInt(b.length() + 1);
            char c = syntax.charAt(random.nextInt(random.nextBoolean() ? 11 : syntax.length()));
            switch (random.nextInt(5)) {
                case 0 -> b.setLength(at);
                case 1, 2 -> b.insert(at, c);
                case 3 -> b.deleteCharAt(Math.min(at, b.length() - 1));
                default -> b.insert(at, b.charAt(Math.min(at, b.length() - 1)));
            }
        }
        return b.toString();
    }

    private static ParseReport assertSameSummary(Path log, long chunk, int threads) throws IOException {
        SyscallSummary sequential = new SyscallSummary();
        ParseReport expected = StraceParser.create().keepingProblems(5).parse(log, sequential);
        SyscallSummary chunked = new SyscallSummary();
        ParseReport actual = StraceParser.create().keepingProblems(5).summarize(log, chunked, chunk, threads);
        String where = log.getFileName() + " in chunks of " + chunk;
        assertEquals(sequential.rows(), chunked.rows(), where);
        assertEquals(expected, actual, where);
        return actual;
    }

    /**
     * A -f log of {@code lines} lines whose pids interleave calls cut in two: resumed parts with the same name and
     * with another one, unfinished calls ended by another unfinished one or by an exit, errors, -k frames (some with
     * no call before them), garbage, lines split by an attach notice, and a -C table at the end.
     */
    private static String interleaved(Random random, int lines) {
        String[] names = {"read", "wait4", "futex", "openat"};
        StringBuilder log = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int pid = 100 + random.nextInt(6);
            String name = names[random.nextInt(names.length)];
            String prefix = pid + " 10:00:00." + String.format("%06d", i) + " ";
            switch (random.nextInt(12)) {
                case 0, 1 -> log.append(prefix).append(name).append("(3, \"a)\" <unfinished ...>\n");
                case 2, 3 ->
                    log.append(prefix)
                            .append("<... ")
                            .append(name)
                            .append(" resumed>\"b\", 1) = 1 <0.000")
                            .append(100 + i % 900)
                            .append(">\n");
                case 4 -> log.append(prefix).append("<... ").append(name).append(" resumed>) = ? <0.000004>\n");
                case 5 -> log.append(prefix).append(name).append("(\"/x\") = -1 ENOENT (No such file) <0.000002>\n");
                case 6 -> log.append(prefix).append("+++ exited with 0 +++\n");
                case 7 -> log.append(" > /lib/libc.so.6(read+0x1) [0x1]\n");
                case 8 -> log.append("garbage ").append(i).append('\n');
                case 9 ->
                    log.append(prefix)
                            .append("getpid(strace: Process ")
                            .append(pid + 1)
                            .append(" attached\n) = ")
                            .append(pid)
                            .append('\n');
                case 10 -> log.append(prefix).append("--- SIGCHLD {si_signo=SIGCHLD} ---\n");
                default -> log.append(prefix).append(name).append("(1) = 0 <0.000003>\n");
            }
        }
        return log.append("% time     seconds  usecs/call     calls    errors syscall\n")
                .append("------ ----------- ----------- --------- --------- ----------------\n")
                .append(" 90.00    0.000100          10        10         1 read\n")
                .append("------ ----------- ----------- --------- --------- ----------------\n")
                .append("100.00    0.000100          10        10         1 total\n")
                .append("1 getpid() = 1\n")
                .toString();
    }
}
