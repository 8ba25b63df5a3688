package dev.trestle.trace.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.trace.Fixtures;
import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FtraceParserTest {
    private final List<FtraceEvent> events = new ArrayList<>();

    private ParseReport parse(Reader in) throws IOException {
        return FtraceParser.create().parse(in, events::add);
    }

    private ParseReport parse(String resource) throws IOException {
        ParseReport report = parse(new StringReader(Fixtures.text(resource)));
        assertEquals(0, report.problemCount(), resource + ": " + report.firstProblems());
        return report;
    }

    @Test
    void nopTracerEventsKeepTaskNamesWithDashesSlashesAndAngles() throws IOException {
        parse("ftrace/nop-sched.trace");
        assertEquals(new FtraceHeader(1, "tracer", "nop"), events.get(0));
        FtraceEntry first = (FtraceEntry) events.get(1);
        assertEquals(new Origin("bash", 1234, 1, "d..2.", 12_345_678_901_000L), first.origin());
        assertEquals("sched_switch", first.event());
        assertTrue(first.details().startsWith("prev_comm=bash prev_pid=1234"));
        assertEquals("<idle>", ((FtraceEntry) events.get(2)).origin().task());
        assertEquals("gnome-shell", ((FtraceEntry) events.get(3)).origin().task());
        Origin kworker = ((FtraceEntry) events.get(4)).origin();
        assertEquals("kworker/u8:2-events_unbound", kworker.task());
        assertEquals(87, kworker.pid());
        assertEquals("workqueue_execute_start", ((FtraceEntry) events.get(4)).event());
    }

    @Test
    void functionTracerLinesGiveFunctionAndParent() throws IOException {
        parse("ftrace/function.trace");
        assertEquals(4, events.size());
        FtraceFunction f = (FtraceFunction) events.get(1);
        assertEquals("sys_close", f.function());
        assertEquals("system_call_fastpath", f.parent());
        assertEquals(17_284_993_652_000L, f.origin().timestampNanos());
        assertEquals("...1.", ((FtraceFunction) events.get(3)).origin().flags());
    }

    @Test
    void stackTraceCollectsTheArrowFramesThatFollowIt() throws IOException {
        parse("ftrace/stacktrace.trace");
        FtraceStack stack = (FtraceStack) events.get(2);
        assertEquals(4, stack.lineNumber());
        assertEquals(
                List.of(
                        "kfree",
                        "do_exit",
                        "do_group_exit",
                        "__x64_sys_exit_group",
                        "do_syscall_64",
                        "entry_SYSCALL_64_after_hwframe"),
                stack.frames());
        assertTrue(events.get(3) instanceof FtraceFunction f && f.function().equals("_raw_spin_lock"));
    }

    @Test
    void traceCmdReportHasNoFlagsAndItsFunctionAndGraphEventsAreUnderstood() throws IOException {
        parse("ftrace/trace-cmd-report.txt");
        assertEquals(new FtraceHeader(1, "cpus", "2"), events.get(0));
        FtraceEntry sw = (FtraceEntry) events.get(1);
        assertEquals("", sw.origin().flags());
        assertEquals("sched_switch", sw.event());
        FtraceFunction f = (FtraceFunction) events.get(3);
        assertEquals("sys_close", f.function());
        assertEquals("system_call_fastpath", f.parent());
        assertEquals(FtraceGraph.Kind.ENTRY, ((FtraceGraph) events.get(4)).kind());
        assertEquals(400, ((FtraceGraph) events.get(5)).durationNanos());
        assertEquals(9000, ((FtraceGraph) events.get(6)).durationNanos());
    }

    @Test
    void tracePipeWithoutHeaderIsParsed() throws IOException {
        parse("ftrace/trace-pipe.txt");
        assertEquals(2, events.size());
        assertEquals("irq_handler_entry", ((FtraceEntry) events.get(1)).event());
    }

    @Test
    void lostEventsAreReportedNotHidden() throws IOException {
        parse(new StringReader("CPU:2 [LOST 1234 EVENTS]\n"));
        assertEquals(List.of(new FtraceLost(1, 2, 1234)), events);
    }

    @Test
    void strayFrameGarbageAndCutLastLineAreProblemsWithLineNumbers() throws IOException {
        String log = Fixtures.text("ftrace/function.trace");
        String cut = log + " => orphan_frame\nnot a trace line\n   bash-1977    [000] .....  17284.9";
        ParseReport report = parse(new StringReader(cut));
        assertEquals(4, events.size());
        assertEquals(List.of(16L, 17L, 18L), report.firstProblemLines());
    }

    @Test
    void oneCharPerReadGivesTheSameEvents() throws IOException {
        for (String fixture : List.of("ftrace/stacktrace.trace", "ftrace/function_graph.trace")) {
            List<FtraceEvent> whole = new ArrayList<>();
            FtraceParser.create().parse(new StringReader(Fixtures.text(fixture)), whole::add);
            events.clear();
            parse(Fixtures.oneCharAtATime(Fixtures.text(fixture)));
            assertEquals(whole, events, fixture);
        }
    }
}
