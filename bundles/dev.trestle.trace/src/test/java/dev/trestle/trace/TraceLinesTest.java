package dev.trestle.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceLinesTest {
    private static List<String> lines(java.io.Reader in) throws IOException {
        List<String> out = new ArrayList<>();
        TraceLines.read(in, (text, number, terminated) -> out.add(number + (terminated ? ":" : "!") + text));
        return out;
    }

    @Test
    void lastLineWithoutNewlineIsMarkedUnterminated() throws IOException {
        assertEquals(List.of("1:a", "2:", "3!b"), lines(new StringReader("a\n\nb")));
    }

    @Test
    void crlfLineEndsAreStrippedAndOneCharReadsGiveTheSameLines() throws IOException {
        assertEquals(List.of("1:x y", "2:z"), lines(Fixtures.oneCharAtATime("x y\r\nz\n")));
    }

    @Test
    void overlongLineIsCutOnceAndTheNextLineKeepsItsNumber() throws IOException {
        String huge = "g".repeat(TraceLines.MAX_LINE + 10);
        List<String> out = new ArrayList<>();
        TraceLines.read(
                new StringReader(huge + "\nok\n"),
                (text, number, terminated) -> out.add(number + ":" + terminated + ":" + text.length()));
        assertEquals(List.of("1:false:" + TraceLines.MAX_LINE, "2:true:2"), out);
    }

    @Test
    void problemLogCountsAllButKeepsTheFirstAndCleansControlCharacters() {
        ProblemLog log = new ProblemLog(2);
        log.add(3, "bad", "a\u0001b");
        log.add(5, "bad", "x".repeat(200));
        log.add(9, "bad", "z");
        ParseReport report = log.report(10, 0);
        assertEquals(3, report.problemCount());
        assertEquals(List.of(3L, 5L), report.firstProblemLines());
        assertEquals("a?b", report.firstProblems().get(0).excerpt());
        assertEquals(81, report.firstProblems().get(1).excerpt().length());
    }
}
