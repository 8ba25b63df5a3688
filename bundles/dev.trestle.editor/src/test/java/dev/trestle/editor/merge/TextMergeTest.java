package dev.trestle.editor.merge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextMergeTest {
    private static final String BASE = "one\ntwo\nthree\nfour\nfive\nsix\n";

    private static TextMerge.Result merge(String mine, String theirs) {
        return TextMerge.merge(BASE, mine, theirs, "editor", "disk");
    }

    @Test
    void changesToDifferentLinesAreBothTaken() {
        TextMerge.Result result =
                merge("ONE\ntwo\nthree\nfour\nfive\nsix\n", "one\ntwo\nthree\nfour\nFIVE\nsix\nseven\n");
        assertEquals("ONE\ntwo\nthree\nfour\nFIVE\nsix\nseven\n", result.text());
        assertEquals(0, result.conflicts());
    }

    @Test
    void theSameChangeOnBothSidesIsTakenOnce() {
        String both = "one\ntwo\nTHREE\nfour\nfive\nsix\n";
        TextMerge.Result result = merge(both, both);
        assertEquals(both, result.text());
        assertEquals(0, result.conflicts());
    }

    @Test
    void differentChangesToOneLineAreAConflictThatKeepsBoth() {
        TextMerge.Result result = merge("one\ntwo\nmine\nfour\nfive\nsix\n", "one\ntwo\ntheirs\nfour\nfive\nSIX\n");
        assertEquals("one\ntwo\n<<<<<<< editor\nmine\n=======\ntheirs\n>>>>>>> disk\nfour\nfive\nSIX\n", result.text());
        assertEquals(1, result.conflicts());
    }

    @Test
    void insertionsAtTheSamePlaceConflictAndADeletionMergesWithAnEditElsewhere() {
        TextMerge.Result inserted = merge("zero-a\n" + BASE, "zero-b\n" + BASE);
        assertEquals("<<<<<<< editor\nzero-a\n=======\nzero-b\n>>>>>>> disk\n" + BASE, inserted.text());
        assertEquals(1, inserted.conflicts());
        TextMerge.Result deleted = merge("one\nfour\nfive\nsix\n", "one\ntwo\nthree\nfour\nfive\nsix!\n");
        assertEquals("one\nfour\nfive\nsix!\n", deleted.text());
        assertEquals(0, deleted.conflicts());
    }

    @Test
    void aMissingFinalLineBreakAndCrlfLinesAreKeptAsTheyAre() {
        String base = "a\r\nb\r\nc";
        TextMerge.Result result = TextMerge.merge(base, "A\r\nb\r\nc", "a\r\nb\r\nC", "editor", "disk");
        assertEquals("A\r\nb\r\nC", result.text());
    }

    /** One side alone, however it changed the base, merges to exactly that side: against random edits. */
    @Test
    void oneSidedChangesMergeToThatSideForRandomEdits() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder base = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                base.append("l").append(random.nextInt(5)).append('\n');
            }
            StringBuilder changed = new StringBuilder();
            for (String line : TextMerge.lines(base.toString())) {
                int roll = random.nextInt(6);
                if (roll == 0) {
                    continue;
                }
                changed.append(roll == 1 ? "new" + random.nextInt(3) + "\n" : line);
                if (roll == 2) {
                    changed.append("added\n");
                }
            }
            String b = base.toString();
            String c = changed.toString();
            assertEquals(c, TextMerge.merge(b, c, b, "m", "t").text(), "round " + round + " mine");
            assertEquals(c, TextMerge.merge(b, b, c, "m", "t").text(), "round " + round + " theirs");
            assertEquals(c, TextMerge.merge(b, c, c, "m", "t").text(), "round " + round + " both");
        }
    }
}
