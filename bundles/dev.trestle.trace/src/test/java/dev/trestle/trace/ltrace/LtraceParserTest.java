package dev.trestle.trace.ltrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.trace.Fixtures;
import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Fixtures are real ltrace 0.7.3 output of demo.c and execer.c; capture.sh has the commands. */
class LtraceParserTest {
    private final List<LtraceEvent> events = new ArrayList<>();

    private ParseReport parse(Reader in) throws IOException {
        return LtraceParser.create().parse(in, events::add);
    }

    private ParseReport parse(String resource) throws IOException {
        return parse(new StringReader(Fixtures.text(resource)));
    }

    private List<LtraceCall> calls() {
        return events.stream()
                .filter(LtraceCall.class::isInstance)
                .map(LtraceCall.class::cast)
                .toList();
    }

    @Test
    void defaultOutputGivesCallsWithArgumentsAndResultsAndJoinsNoReturnWithResumed() throws IOException {
        ParseReport report = parse("ltrace/demo.log");
        assertEquals(0, report.problemCount(), report.firstProblems().toString());
        assertEquals(19, calls().size());
        LtraceCall puts = calls().get(0);
        assertEquals("puts", puts.function());
        assertEquals("\"hi\"", puts.arguments());
        assertEquals("3", puts.result());
        assertEquals(0, puts.pid());
        LtraceCall waitpid = calls().stream()
                .filter(c -> c.function().equals("waitpid"))
                .findFirst()
                .orElseThrow();
        assertEquals("500, 0x7ffd698c13ec, 0", waitpid.arguments());
        assertEquals("500", waitpid.result());
        assertEquals(20, waitpid.lineNumber());
        assertEquals("<void>", calls().get(5).result());
        assertTrue(events.contains(new LtraceSignal(19, 0, "", "SIGCHLD", "Child exited")));
        assertTrue(events.contains(new LtraceExit(22, 0, "", 0, "")));
    }

    @Test
    void bothPidPrefixFormsGiveTheSamePidsAndTheForkedChildSeesForkReturnZero() throws IOException {
        for (String log : List.of("ltrace/demo-f-stderr.log", "ltrace/demo-f-o.log")) {
            events.clear();
            assertEquals(0, parse(log).problemCount(), log);
            Set<Integer> pids = calls().stream().map(LtraceCall::pid).collect(Collectors.toSet());
            assertEquals(2, pids.size(), log);
            assertFalse(pids.contains(0), log);
            List<LtraceCall> forks =
                    calls().stream().filter(c -> c.function().equals("fork")).toList();
            assertEquals(2, forks.size(), log);
            assertTrue(forks.stream().anyMatch(c -> c.result().equals("0")), log);
            LtraceCall exit = calls().stream()
                    .filter(c -> c.function().equals("_exit"))
                    .findFirst()
                    .orElseThrow();
            assertFalse(exit.returned(), log);
        }
    }

    @Test
    void instructionPointersAreRead() throws IOException {
        assertEquals(0, parse("ltrace/demo-i.log").problemCount());
        assertEquals(0x55d2000bd1e0L, calls().get(0).instructionPointer());
        assertTrue(calls().stream().allMatch(c -> c.instructionPointer() > 0));
    }

    @Test
    void syscallsOfDashSAreCallsNamedSysAndALibraryCallResumesAroundThem() throws IOException {
        assertEquals(0, parse("ltrace/demo-S.log").problemCount());
        // grep counts in the fixture: 38 SYS_ lines (SYS_exit_group never returns), 19 library calls.
        assertEquals(38, calls().stream().filter(LtraceCall::syscall).count());
        assertEquals(19, calls().stream().filter(c -> !c.syscall()).count());
        LtraceCall exitGroup = calls().stream()
                .filter(c -> c.function().equals("SYS_exit_group"))
                .findFirst()
                .orElseThrow();
        assertFalse(exitGroup.returned());
        LtraceCall puts = calls().stream()
                .filter(c -> c.function().equals("puts"))
                .findFirst()
                .orElseThrow();
        assertEquals("\"hi\"", puts.arguments());
        assertEquals(35, puts.lineNumber());
    }

    @Test
    void timestampsAndDurationsOfTtAndT() throws IOException {
        assertEquals(0, parse("ltrace/demo-tt-T.log").problemCount());
        assertEquals("17:49:51.312188", calls().get(0).timestamp());
        assertEquals(557, calls().get(0).durationMicros());
        // Sum of every <...> in the file, by grep | bc: 0.004894 s.
        assertEquals(
                4894, calls().stream().mapToLong(LtraceCall::durationMicros).sum());
    }

    @Test
    void relativeAndEpochTimestampsAndCombinedOptionsParseWithoutProblems() throws IOException {
        for (String log : List.of("ltrace/demo-r.log", "ltrace/demo-ttt.log", "ltrace/demo-f-S-tt-T.log")) {
            events.clear();
            ParseReport report = parse(log);
            assertEquals(0, report.problemCount(), log + ": " + report.firstProblems());
            assertFalse(calls().get(0).timestamp().isEmpty(), log);
        }
    }

    @Test
    void execEndsThePendingExeclCallAsNotReturned() throws IOException {
        assertEquals(0, parse("ltrace/execer-f.log").problemCount());
        assertTrue(events.stream().anyMatch(e -> e instanceof LtraceExec x && x.pid() == 530 && x.lineNumber() == 4));
        LtraceCall execl = calls().stream()
                .filter(c -> c.function().equals("execl"))
                .findFirst()
                .orElseThrow();
        assertFalse(execl.returned());
    }

    @Test
    void killedBySignalIsAnExitWithTheSignal() throws IOException {
        parse(new StringReader("[pid 7] --- SIGSEGV (Segmentation fault) ---\n[pid 7] +++ killed by SIGSEGV +++\n"));
        assertEquals(new LtraceExit(2, 7, "", -1, "SIGSEGV"), events.get(1));
    }

    @Test
    void countTableRowsAreReadAndTheTotalRowIsNot() throws IOException {
        assertEquals(0, parse("ltrace/demo-c.log").problemCount());
        assertEquals(9, events.size());
        assertEquals(new LtraceCount(3, "usleep", 1, 1164, 1164, 38.71), events.get(0));
        assertEquals(
                19, events.stream().mapToLong(e -> ((LtraceCount) e).calls()).sum());
    }

    @Test
    void argumentsContainingParenthesesAndEqualsInStringsAreKeptWhole() throws IOException {
        parse(new StringReader("printf(\"a) = 1 (\\\"x\\\"\", 2)  = 13\n"));
        LtraceCall call = calls().get(0);
        assertEquals("\"a) = 1 (\\\"x\\\"\", 2", call.arguments());
        assertEquals("13", call.result());
    }
}
