package dev.trestle.workbench.widgets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.workbench.widgets.SideBySideText.Difference;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SideBySideTextTest {
    private static List<String> lines(String text) {
        return text.lines().toList();
    }

    @Test
    void changedRemovedAndAddedLinesAreFoundWhereTheyDiffer() {
        assertEquals(
                List.of(new Difference(1, 1, 1, 1), new Difference(3, 1, 3, 0), new Difference(5, 0, 4, 1)),
                SideBySideText.differences(lines("a\nb\nc\nd\ne"), lines("a\nB\nc\ne\nf")));
        assertEquals(List.of(), SideBySideText.differences(lines("same\ntext"), lines("same\ntext")));
        assertEquals(List.of(new Difference(0, 0, 0, 2)), SideBySideText.differences(List.of(), lines("new\nfile")));
    }

    @Test
    void aMovedOrLostRepeatedLineShowsThoughTheOtherSideHasItSomewhere() {
        // each side has every line of the other: asking "is this line anywhere over there" marks nothing
        assertEquals(
                List.of(new Difference(0, 1, 0, 0), new Difference(3, 0, 2, 1)),
                SideBySideText.differences(lines("x\ny\nz"), lines("y\nz\nx")));
        assertEquals(
                List.of(new Difference(2, 1, 2, 0)),
                SideBySideText.differences(lines("}\n}\n}\nend"), lines("}\n}\nend")));
    }

    @Test
    void largeUnrelatedMiddlesAreOneChangeBetweenTheCommonStartAndEnd() {
        List<String> left = new ArrayList<>(List.of("head"));
        List<String> right = new ArrayList<>(List.of("head"));
        for (int i = 0; i <= SideBySideText.MAX_DIFFED_LINES; i++) {
            left.add("left " + i);
            right.add("right " + i);
        }
        left.add("tail");
        right.add("tail");
        int middle = SideBySideText.MAX_DIFFED_LINES + 1;
        assertEquals(List.of(new Difference(1, middle, 1, middle)), SideBySideText.differences(left, right));
    }
}
