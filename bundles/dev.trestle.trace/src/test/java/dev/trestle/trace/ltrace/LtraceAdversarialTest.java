package dev.trestle.trace.ltrace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.trace.Fixtures;
import dev.trestle.trace.ParseReport;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LtraceAdversarialTest {
    @Test
    void oneCharPerReadGivesTheSameEventsAsWholeReads() throws IOException {
        String log = Fixtures.text("ltrace/demo-f-S-tt-T.log");
        List<LtraceEvent> whole = new ArrayList<>();
        List<LtraceEvent> trickle = new ArrayList<>();
        ParseReport a = LtraceParser.create().parse(new StringReader(log), whole::add);
        ParseReport b = LtraceParser.create().parse(Fixtures.oneCharAtATime(log), trickle::add);
        assertEquals(whole, trickle);
        assertEquals(a, b);
    }

    @Test
    void logCutMidLineReportsTheCutLineAndKeepsEverythingBefore() throws IOException {
        String log = Fixtures.text("ltrace/demo.log");
        String cut = log.substring(0, log.indexOf("= 0x") + 6);
        List<LtraceEvent> events = new ArrayList<>();
        ParseReport report = LtraceParser.create().parse(new StringReader(cut), events::add);
        // The cut falls inside line 4, "malloc(4) = 0x...": lines 1-3 are calls, line 4 a problem.
        assertEquals(3, events.size());
        assertEquals(List.of(4L), report.firstProblemLines());
    }

    @Test
    void garbageBetweenCallsIsCountedWithItsLineNumbers() throws IOException {
        String log = "puts(\"hi\") = 3\nhi\n\u0000\u0001binary\nstrlen(\"x\") = 1\nhello world\n";
        List<LtraceEvent> events = new ArrayList<>();
        ParseReport report = LtraceParser.create().keepingProblems(2).parse(new StringReader(log), events::add);
        assertEquals(2, events.size());
        assertEquals(3, report.problemCount());
        assertEquals(List.of(2L, 3L), report.firstProblemLines());
        assertEquals(5, report.lines());
    }
}
