package dev.trestle.editor.ui.internal;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Offsets in a large file worth marking on its map (where it was changed since the last save, where a search found
 * something), kept in step with edits. Marks closer together than the map can tell apart would be drawn on the same
 * pixel, so at most {@link #LIMIT} are kept and the oldest go first.
 */
final class OffsetMarks {
    static final int LIMIT = 4096;

    private long[] offsets = new long[16];
    private int size;

    void add(long offset) {
        if (size == LIMIT) {
            System.arraycopy(offsets, 1, offsets, 0, --size);
        }
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
        }
        offsets[size++] = offset;
    }

    /**
     * {@code removed} bytes at {@code offset} were replaced by {@code inserted}: marks after the edit move with the
     * text, and marks inside the removed range move to its start.
     */
    void edited(long offset, long removed, long inserted) {
        for (int i = 0; i < size; i++) {
            if (offsets[i] >= offset + removed) {
                offsets[i] += inserted - removed;
            } else if (offsets[i] > offset) {
                offsets[i] = offset;
            }
        }
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    void forEach(LongConsumer action) {
        for (int i = 0; i < size; i++) {
            action.accept(offsets[i]);
        }
    }
}
