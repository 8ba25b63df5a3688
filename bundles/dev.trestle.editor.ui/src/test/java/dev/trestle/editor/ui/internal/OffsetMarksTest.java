package dev.trestle.editor.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetMarksTest {
    private static List<Long> offsets(OffsetMarks marks) {
        List<Long> list = new ArrayList<>();
        marks.forEach(list::add);
        return list;
    }

    @Test
    void marksMoveWithTheTextAroundThem() {
        OffsetMarks marks = new OffsetMarks();
        marks.add(10);
        marks.add(100);
        marks.add(1000);
        marks.edited(50, 0, 5); // an insertion between the first two
        assertEquals(List.of(10L, 105L, 1005L), offsets(marks));
        marks.edited(100, 10, 0); // a deletion over the second
        assertEquals(List.of(10L, 100L, 995L), offsets(marks));
        marks.edited(0, 20, 2); // a replacement over the first
        assertEquals(List.of(0L, 82L, 977L), offsets(marks));
    }

    @Test
    void theOldestGoWhenTheLimitIsReached() {
        OffsetMarks marks = new OffsetMarks();
        for (int i = 0; i < OffsetMarks.LIMIT + 3; i++) {
            marks.add(i);
        }
        assertEquals(OffsetMarks.LIMIT, marks.size());
        assertEquals(3L, offsets(marks).get(0));
        marks.clear();
        assertEquals(0, marks.size());
    }
}
