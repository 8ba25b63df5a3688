package dev.trestle.backup.internal.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Byte arrays handed out again once given back, in power-of-two sizes: a tree's files are read into them ahead of
 * the walk, and a fresh array per file would be as many bytes of garbage as the tree holds, each young collection of
 * which stops every thread. Each size keeps at most {@link #KEPT} bytes of spare arrays.
 */
final class Buffers {
    private static final int SMALLEST = 12;
    private static final long KEPT = 32L << 20;

    private final List<ConcurrentLinkedDeque<byte[]>> spare = new ArrayList<>();
    private final AtomicLongArray kept;

    Buffers(int largest) {
        int classes = sizeClass(largest) + 1;
        for (int i = 0; i < classes; i++) {
            spare.add(new ConcurrentLinkedDeque<>());
        }
        kept = new AtomicLongArray(classes);
    }

    /** An array of at least {@code length} bytes, with any content. */
    byte[] take(int length) {
        int size = sizeClass(length);
        if (size < spare.size()) {
            byte[] array = spare.get(size).pollFirst();
            if (array != null) {
                kept.addAndGet(size, -array.length);
                return array;
            }
        }
        return new byte[Math.max(length, 1 << (size + SMALLEST))];
    }

    /** Keeps {@code array} for a later {@link #take}, unless enough of its size are kept already. */
    void give(byte[] array) {
        int size = sizeClass(array.length);
        if (size >= spare.size() || array.length != 1 << (size + SMALLEST)) {
            return;
        }
        if (kept.addAndGet(size, array.length) > KEPT) {
            kept.addAndGet(size, -array.length);
            return;
        }
        spare.get(size).addFirst(array);
    }

    /** The smallest class whose arrays hold {@code length} bytes. */
    private static int sizeClass(int length) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(1, length - 1));
        return Math.max(0, bits - SMALLEST);
    }
}
