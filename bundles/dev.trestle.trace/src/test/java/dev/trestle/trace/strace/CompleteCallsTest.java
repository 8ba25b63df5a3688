package dev.trestle.trace.strace;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The eight-bytes-a-step scans of {@link CompleteCalls} against the byte-at-a-time definitions they replace. */
class CompleteCallsTest {
    private static final String STOPS = "\"()[]{}<\n";

    @Test
    void nextStopFindsExactlyTheArgumentSyntaxAtEveryPositionOfAWord() {
        for (int value = 0; value < 256; value++) {
            boolean stop = STOPS.indexOf((char) value) >= 0;
            for (int at = 0; at < 19; at++) {
                byte[] b = new byte[19];
                Arrays.fill(b, (byte) 'a');
                b[at] = (byte) value;
                int expected = stop ? at : b.length;
                assertEquals(expected, CompleteCalls.nextStop(b, 0, b.length), "byte " + value + " at " + at);
                // a stop before it wins, whichever of the two tests finds it
                b[0] = (byte) ')';
                assertEquals(0, CompleteCalls.nextStop(b, 0, b.length), "byte " + value + " at " + at);
            }
        }
    }

    @Test
    void firstMarkedIsTheLowestZeroByte() {
        for (int at = 0; at < 8; at++) {
            for (int above = at + 1; above <= 8; above++) {
                long word = 0x4141414141414141L & ~(0xFFL << (8 * at));
                if (above < 8) {
                    word &= ~(0xFFL << (8 * above));
                }
                assertEquals(at, Syntax.firstMarked(Syntax.zeroBytes(word)), at + ", " + above);
            }
        }
    }
}
