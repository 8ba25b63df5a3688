package dev.trestle.editor.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The word-at-a-time line feed count against a byte-by-byte count, on bytes chosen to tempt false positives. */
class LineFeedCountTest {
    /** Line feed, its neighbours, bytes with the high bit set and the bits of '\n' among them. */
    private static final byte[] TRICKY = {'\n', 0x0B, 0x09, 0x00, (byte) 0x8A, (byte) 0x80, (byte) 0xFF, 0x7F, 0x0A, 'a'
    };

    @Test
    void countsEveryLineFeedAndNothingElse() {
        SplittableRandom random = new SplittableRandom(6);
        for (int round = 0; round < 2000; round++) {
            byte[] bytes = new byte[random.nextInt(0, 100)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextBoolean() ? TRICKY[random.nextInt(TRICKY.length)] : (byte) random.nextInt(256);
            }
            int length = bytes.length == 0 ? 0 : random.nextInt(0, bytes.length + 1);
            long expected = 0;
            for (int i = 0; i < length; i++) {
                expected += bytes[i] == '\n' ? 1 : 0;
            }
            assertEquals(expected, IndexedFile.countLineFeeds(bytes, length), "round " + round);
        }
    }
}
