package dev.trestle.backup.internal.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BuffersTest {
    @Test
    void anArrayGivenBackIsTakenAgainForAnyLengthItHolds() {
        Buffers buffers = new Buffers(1 << 20);
        byte[] first = buffers.take(5000);
        assertEquals(8192, first.length);
        buffers.give(first);

        assertSame(first, buffers.take(8192));
        assertNotSame(first, buffers.take(5000), "taken once, it is no longer spare");
        assertEquals(4096, buffers.take(0).length);
        assertEquals(1 << 20, buffers.take((1 << 19) + 1).length);
    }

    @Test
    void keepsNoMoreThanItsLimitOfOneSizeAndNothingLargerThanItsLargest() {
        Buffers buffers = new Buffers(1 << 20);
        byte[][] taken = new byte[40][];
        for (int i = 0; i < taken.length; i++) {
            taken[i] = buffers.take(1 << 20);
        }
        for (byte[] array : taken) {
            buffers.give(array);
        }
        int again = 0;
        for (int i = 0; i < taken.length; i++) {
            byte[] array = buffers.take(1 << 20);
            for (byte[] old : taken) {
                again += array == old ? 1 : 0;
            }
        }
        assertEquals(32, again, "32 MB of 1 MB arrays");

        byte[] huge = buffers.take(4 << 20);
        assertTrue(huge.length >= 4 << 20);
        buffers.give(huge);
        assertNotSame(huge, buffers.take(4 << 20));
    }
}
