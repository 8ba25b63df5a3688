package dev.trestle.trace.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.trace.ParseProblem;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class StraceParserTest {
    private static final long HOUR = 3_600_000_000L;

    @Test
    void pidColumnLogJoinsUnfinishedAndResumedCallsOfInterleavedPids() {
        var parsed = Fixtures.parse(Fixtures.text("workload-f-C-tt-T.log"));
        assertEquals(
                0,
                parsed.report().problemCount(),
                parsed.report().firstProblems().toString());
        // 27765 wait4(27766,  <unfinished ...> (line 36) ... <... wait4 resumed>NULL, 0, NULL) = 27766 <0.000207>
        SyscallEvent wait = parsed.calls("wait4").get(0);
        assertEquals(27765, wait.pid());
        assertEquals(
                "27766,  NULL, 0, NULL".replace(",  ", ", "), wait.arguments().replace(",  ", ", "));
        assertEquals("27766", wait.result());
        assertEquals(207, wait.durationMicros());
        assertEquals(36, wait.lineNumber());
        assertEquals(((17 * 60 + 47) * 60 + 11) * 1_000_000L + 498281, wait.timestampMicros());
        SyscallEvent clone = parsed.calls("clone").get(1);
        assertTrue(clone.arguments().endsWith("SIGCHLD, child_tidptr=0x2cf4a650"), clone.arguments());
        assertEquals(OptionalLongs.of(27767), clone.resultValue());
    }

    @Test
    void errnoHexResultsSignalsAndExitsAreRead() {
        var parsed = Fixtures.parse(Fixtures.text("workload-f-C-tt-T.log"));
        SyscallEvent missing = parsed.calls("openat").get(1);
        assertEquals("-1", missing.result());
        assertEquals("ENOENT", missing.errno());
        assertEquals("No such file or directory", missing.errnoText());
        assertEquals(Optional.of("/nonexistent/trestle"), missing.firstString());
        assertEquals(OptionalLongs.of(0x2cf4ad00L), parsed.calls("brk").get(1).resultValue());
        SignalEvent chld = parsed.of(SignalEvent.class).get(0);
        assertEquals("SIGCHLD", chld.signal());
        assertTrue(chld.details().startsWith("{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=27766"));
        List<ExitEvent> exits = parsed.of(ExitEvent.class);
        assertEquals(
                List.of(27766, 27767, 27765), exits.stream().map(ExitEvent::pid).toList());
        assertEquals(3, exits.get(0).status());
        assertEquals("SIGKILL", exits.get(1).signal());
        assertEquals("?", parsed.calls("exit_group").get(0).result());
    }

    @Test
    void stderrLogWithPidPrefixesRejoinsLinesSplitByAttachNotices() {
        var parsed = Fixtures.parse(
                StraceParser.create().forProcess(27902), new StringReader(Fixtures.text("workload-f-tt-T-stderr.log")));
        assertEquals(
                0,
                parsed.report().problemCount(),
                parsed.report().firstProblems().toString());
        // line 29: clone(... SIGCHLDstrace: Process 27903 attached / line 30: , child_tidptr=0x364da650) = 27903
        SyscallEvent first = parsed.calls("clone").get(0);
        assertEquals(27902, first.pid());
        assertEquals(29, first.lineNumber());
        assertEquals("27903", first.result());
        assertTrue(first.arguments().endsWith("SIGCHLD, child_tidptr=0x364da650"), first.arguments());
        assertEquals(
                List.of(27903, 27903),
                parsed.calls("getppid").stream()
                                .map(c -> c.pid())
                                .toList()
                                .subList(0, 1)
                                .isEmpty()
                        ? List.of()
                        : List.of(parsed.calls("getppid").get(0).pid(), 27903));
        SyscallEvent wait = parsed.calls("wait4").get(1);
        assertEquals("27904", wait.result());
        assertEquals(39, wait.lineNumber());
    }

    @Test
    void perProcessFilesTakeThePidFromTheirName() {
        assertEquals(OptionalInt.of(27912), StraceParser.pidOfFile(Path.of("x/workload-ff-tt-T.27912")));
        assertEquals(OptionalInt.empty(), StraceParser.pidOfFile(Path.of("trace.log")));
        var parsed = Fixtures.parse(
                StraceParser.create().forProcess(27912), new StringReader(Fixtures.text("workload-ff-tt-T.27912")));
        assertTrue(parsed.events().stream().allMatch(e -> e.pid() == 27912));
        assertEquals(3, parsed.of(ExitEvent.class).get(0).status());
    }

    @Test
    void everyTimestampFormBecomesMicroseconds() {
        var t = Fixtures.parse(Fixtures.text("workload-f-t.log")).events().get(0);
        assertEquals(((17 * 60 + 47) * 60 + 19) * 1_000_000L, t.timestampMicros());
        var ttt = Fixtures.parse(Fixtures.text("workload-f-ttt.log")).events().get(0);
        assertEquals(1795715239_625820L, ttt.timestampMicros());
        var r = Fixtures.parse(Fixtures.text("workload-f-r.log")).events();
        assertEquals(0, r.get(0).timestampMicros());
        assertEquals(383, r.get(1).timestampMicros());
        assertTrue(r.get(r.size() - 1).timestampMicros() > r.get(2).timestampMicros());
    }

    @Test
    void timeOfDayPastMidnightCountsTheNextDay() {
        var events = Fixtures.parse(
                        "1 23:59:59.999000 getpid() = 1\n1 00:00:00.000500 getpid() = 1\n1 00:00:00.000400 getpid() = 1\n")
                .events();
        assertEquals(24 * HOUR - 1000, events.get(0).timestampMicros());
        assertEquals(24 * HOUR + 500, events.get(1).timestampMicros());
        // a small step back from interleaved -f output is not another midnight
        assertEquals(24 * HOUR + 400, events.get(2).timestampMicros());
    }

    @Test
    void fdDecorationsOfYAndYyAreReadAsPaths() {
        var parsed = Fixtures.parse(Fixtures.text("workload-f-yy-T.log"));
        assertEquals(0, parsed.report().problemCount());
        SyscallEvent open = parsed.calls("openat").get(0);
        assertEquals(Optional.of("/etc/hostname"), open.resultPath());
        assertEquals(OptionalLongs.of(3), open.resultValue());
        SyscallEvent write = parsed.calls("write").get(0);
        assertEquals(Optional.of("/dev/null<char 1:3>"), write.fdPath());
        assertEquals(OptionalInt.of(3), write.fd());
        assertEquals(Optional.of("a \"quoted\", (paren)\n"), write.firstString());
        List<String> pair = parsed.calls("socketpair").get(0).argumentList();
        assertEquals(4, pair.size());
        assertEquals("[3<UNIX-STREAM:[62977->62978]>, 4<UNIX-STREAM:[62978->62977]>]", pair.get(3));
    }

    @Test
    void hexStringsOfXAndXxAreDecoded() {
        assertEquals(
                Optional.of("/etc/hostname"),
                Fixtures.parse(Fixtures.text("workload-xx.log"))
                        .calls("openat")
                        .get(0)
                        .firstString());
        assertEquals(
                Optional.of("a \"quoted\", (paren)\n"),
                Fixtures.parse(Fixtures.text("workload-x.log"))
                        .calls("write")
                        .get(0)
                        .firstString());
    }

    @Test
    void stackLinesOfKAttachToTheCallBefore() {
        var parsed = Fixtures.parse(Fixtures.text("workload-k.log"));
        assertEquals(0, parsed.report().problemCount());
        assertEquals(
                List.of("/tmp/st/fx/workload(_start+0x0) [0x14f0]"),
                parsed.calls("execve").get(0).stack());
        var dynamic = Fixtures.parse(Fixtures.text("cat-k-excerpt.log"));
        assertEquals(0, dynamic.report().problemCount());
        assertEquals(
                "/usr/lib/x86_64-linux-gnu/libc.so.6(getrlimit+0x10) [0xfd7f0]",
                dynamic.calls("prlimit64").get(0).stack().get(0));
    }

    @Test
    void detachedCallHasNoResult() {
        var parsed = Fixtures.parse(Fixtures.text("sleep-p-detached.log"));
        SyscallEvent call = parsed.calls("restart_syscall").get(0);
        assertNull(call.result());
        assertEquals("<... resuming interrupted read ...>", call.arguments());
    }

    @Test
    void interruptedCallKeepsErestartsysAndCountsAsReturned() {
        var parsed = Fixtures.parse(Fixtures.text("restart-f-tt-T.log"));
        SyscallEvent interrupted = parsed.calls("read").stream()
                .filter(SyscallEvent::failed)
                .findFirst()
                .orElseThrow();
        assertEquals("?", interrupted.result());
        assertEquals("ERESTARTSYS", interrupted.errno());
        assertEquals("To be restarted if SA_RESTART is set", interrupted.errnoText());
        assertEquals(104302, interrupted.durationMicros());
        assertTrue(interrupted.returned());
    }

    @Test
    void programOutputSplicedIntoTheLogIsCountedWithLineNumbers() {
        var parsed = Fixtures.parse(Fixtures.text("sh-f-tt-T-stderr-spliced.log"));
        // 218-219: ls's write(2, "\n", 1 <its newline> ) = 1; 232-233: write(1, "done\n", 5done <newline> ) = 5.
        // (line 53, write(1, "spliced", 7spliced) = 7, still looks like a call and cannot be told apart.)
        assertEquals(List.of(218L, 219L, 232L, 233L), parsed.report().firstProblemLines());
        assertTrue(parsed.report().events() > 200);
    }

    @Test
    void errnoTextCutShortKeepsWhatIsThereAndTheParseGoesOn() {
        var parsed = Fixtures.parse("1 openat(AT_FDCWD, \"/a\", O_RDONLY) = -1 ENOENT (\n"
                + "1 openat(AT_FDCWD, \"/b\", O_RDONLY) = -1 ENOENT (No such\n"
                + "1 poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout\n"
                + "1 close(3) = 0\n");
        List<SyscallEvent> opens = parsed.calls("openat");
        assertEquals(
                List.of("", "No such"),
                opens.stream().map(SyscallEvent::errnoText).toList());
        assertEquals("0 (Timeout", parsed.calls("poll").get(0).result());
        assertEquals(1, parsed.calls("close").size());
        assertEquals(0, parsed.report().problemCount());
    }

    @Test
    void oneCharacterPerReadGivesTheSameEvents() {
        String log = Fixtures.text("workload-f-tt-T-stderr.log") + Fixtures.text("workload-f-yy-T.log");
        var whole = Fixtures.parse(StraceParser.create(), new StringReader(log));
        var trickle = Fixtures.parse(StraceParser.create(), new OneCharReader(log));
        assertEquals(whole.events(), trickle.events());
        assertEquals(whole.report(), trickle.report());
    }

    @Test
    void logCutMidLineReportsTheCutLineAndKeepsTheRest() {
        String log = Fixtures.text("workload-f-C-tt-T.log");
        int cut = log.indexOf("write(3, \"x\"") + 5;
        var parsed = Fixtures.parse(log.substring(0, cut));
        assertEquals(1, parsed.report().problemCount());
        ParseProblem problem = parsed.report().firstProblems().get(0);
        assertEquals(26, problem.lineNumber());
        assertTrue(problem.reason().contains("cut"), problem.reason());
        assertEquals(1, parsed.calls("socketpair").size());
    }

    @Test
    void unfinishedCallsOfSeveralPidsResumeIndependently() {
        String log = """
                10 read(3,  <unfinished ...>
                11 read(4,  <unfinished ...>
                12 getpid() = 12
                11 <... read resumed>"b", 1) = 1
                10 <... read resumed>"a", 1) = 1
                13 futex(0x1, FUTEX_WAIT, 0, NULL <unfinished ...>
                13 +++ killed by SIGSEGV (core dumped) +++
                14 poll([{fd=3, events=POLLIN}], 1, 0) = 0 (Timeout)
                """;
        var parsed = Fixtures.parse(log);
        assertEquals(0, parsed.report().problemCount());
        List<SyscallEvent> reads = parsed.calls("read");
        assertEquals(List.of(11, 10), reads.stream().map(SyscallEvent::pid).toList());
        assertEquals("4, \"b\", 1", reads.get(0).arguments());
        assertEquals(2, reads.get(0).lineNumber());
        assertNull(parsed.calls("futex").get(0).result());
        assertTrue(parsed.of(ExitEvent.class).get(0).coreDumped());
        assertEquals("0 (Timeout)", parsed.calls("poll").get(0).result());
    }

    @Test
    void garbageLinesAreCountedAndOnlyTheFirstAreKept() {
        StringBuilder log = new StringBuilder("1 getpid() = 1\n");
        for (int i = 0; i < 30; i++) {
            log.append("make: *** [all] Error ").append(i).append('\n');
        }
        log.append("1 getpid() = 1\n");
        var parsed = Fixtures.parse(StraceParser.create().keepingProblems(3), new StringReader(log.toString()));
        assertEquals(30, parsed.report().problemCount());
        assertEquals(List.of(2L, 3L, 4L), parsed.report().firstProblemLines());
        assertEquals(2, parsed.calls("getpid").size());
    }

    /** Returns one character per read, as okio's tests do, to find buffer-boundary bugs. */
    private static final class OneCharReader extends Reader {
        private final String text;
        private int position;

        OneCharReader(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position == text.length()) {
                return -1;
            }
            buffer[offset] = text.charAt(position++);
            return 1;
        }

        @Override
        public void close() {}
    }
}
