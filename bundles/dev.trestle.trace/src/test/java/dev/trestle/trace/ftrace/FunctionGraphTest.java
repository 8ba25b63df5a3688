package dev.trestle.trace.ftrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.trace.Fixtures;
import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations computed by hand from the durations in the fixtures; the arithmetic is in the comments. */
class FunctionGraphTest {
    private static FunctionGraph graphOf(String resource) throws IOException {
        FunctionGraph graph = new FunctionGraph();
        ParseReport report = FtraceParser.create().parse(new StringReader(Fixtures.text(resource)), graph);
        assertEquals(0, report.problemCount(), report.firstProblems().toString());
        return graph;
    }

    @Test
    void totalsAndSelfTimesFollowTheNesting() throws IOException {
        CallTree root = graphOf("ftrace/function_graph.trace").tree();
        // 16.500 (sys_open, CPU 0) + 0.900 (kfree, CPU 1) + 5.000 (sys_close, CPU 1) us
        assertEquals(22_400, root.totalNanos());
        CallTree sysOpen = root.child("sys_open");
        assertEquals(16_500, sysOpen.totalNanos());
        assertEquals(2_500, sysOpen.selfNanos()); // 16.500 - 14.000
        CallTree doSysOpen = sysOpen.child("do_sys_open");
        assertEquals(2_194, doSysOpen.selfNanos()); // 14.000 - 7.876 - 3.930
        CallTree getname = doSysOpen.child("getname");
        assertEquals(1_591, getname.selfNanos()); // 7.876 - 2.478 - 3.807
        assertEquals(
                1_164, getname.child("strncpy_from_user").child("might_fault").selfNanos()); // 2.553 - 1.389
        assertEquals(2_106, doSysOpen.child("alloc_fd").selfNanos()); // 3.930 - 0.668 - 0.570 - 0.586
        CallTree sysClose = root.child("sys_close");
        assertEquals(1_500, sysClose.selfNanos()); // 5.000 - 3.000 (interrupt) - 0.500 (kfree)
        assertEquals(1_000, sysClose.child("smp_apic_timer_interrupt").selfNanos()); // 3.000 - 2.000
    }

    @Test
    void hottestFunctionsSumSelfTimeOverAllPaths() throws IOException {
        List<FunctionGraph.FunctionCost> hottest =
                graphOf("ftrace/function_graph.trace").hottest(3);
        assertEquals(
                List.of(
                        new FunctionGraph.FunctionCost("__might_sleep", 2, 2_771), // 1.382 + 1.389
                        new FunctionGraph.FunctionCost("sys_open", 1, 2_500),
                        new FunctionGraph.FunctionCost("do_sys_open", 1, 2_194)),
                hottest);
    }

    @Test
    void procAndAbstimeColumnsAndContextSwitchesKeepTasksApart() throws IOException {
        FunctionGraph graph = graphOf("ftrace/function_graph-proc-abstime.trace");
        CallTree vfsWrite = graph.tree().child("vfs_write");
        assertEquals(120_125, vfsWrite.totalNanos());
        assertEquals(119_875, vfsWrite.selfNanos()); // 120.125 - 0.250
        CallTree doIdle = graph.tree().child("do_idle");
        assertEquals(0, doIdle.calls()); // still open when the trace ends
        assertEquals(1, doIdle.child("cpuidle_enter").calls());
        assertEquals(1, graph.openCalls());
    }

    @Test
    void exitWithoutEntryIsCountedNotAttributed() throws IOException {
        FunctionGraph graph = new FunctionGraph();
        FtraceParser.create().parse(new StringReader(" 0)   3.000 us    |  }\n 0)   1.000 us    |  kfree();\n"), graph);
        assertEquals(1, graph.unmatchedExits());
        assertEquals(1_000, graph.tree().totalNanos());
    }
}
