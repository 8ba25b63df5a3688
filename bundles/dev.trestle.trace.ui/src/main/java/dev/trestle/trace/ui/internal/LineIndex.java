package dev.trestle.trace.ui.internal;

import java.util.Arrays;

/**
 * Where lines start in a log, kept for every {@value #STRIDE}th line only: a 10-million-line trace costs 1.2 MB, and
 * finding any line means reading at most {@value #STRIDE} lines from the nearest entry.
 */
final class LineIndex {
    static final int STRIDE = 64;

    private long[] starts = new long[1024];
    private int size;
    private long lines;

    /** Line 1 starts at offset 0; the indexing stream calls {@link #lineEnded} for every newline after that. */
    LineIndex() {
        starts[size++] = 0;
    }

    void lineEnded(long nextLineStart) {
        lines++;
        if (lines % STRIDE == 0) {
            if (size == starts.length) {
                starts = Arrays.copyOf(starts, size * 2);
            }
            starts[size++] = nextLineStart;
        }
    }

    /** Complete lines seen; a last line without a newline is not counted. */
    long completeLines() {
        return lines;
    }

    /** The offset of the indexed line at or before {@code line} (1-based), and how many lines to skip from there. */
    long blockStart(long line) {
        if (line < 1) {
            throw new IllegalArgumentException("line < 1: " + line);
        }
        return starts[(int) Math.min((line - 1) / STRIDE, size - 1)];
    }

    long firstLineOfBlock(long line) {
        return Math.min((line - 1) / STRIDE, size - 1) * STRIDE + 1;
    }
}
