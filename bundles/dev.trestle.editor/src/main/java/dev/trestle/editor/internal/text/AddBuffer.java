package dev.trestle.editor.internal.text;

import java.util.Arrays;

/**
 * The bytes of all text inserted since the document was opened, append-only so that pieces pointing into it never
 * change, with the positions of its line feeds for line queries.
 */
final class AddBuffer implements ByteSource {
    private static final int MAX_SIZE = Integer.MAX_VALUE - 16;
    private byte[] bytes = new byte[4096];
    private int size;
    private int[] lineFeeds = new int[256];
    private int lineFeedCount;

    /** Appends {@code data} and returns where it starts. */
    long append(byte[] data) {
        if (data.length > MAX_SIZE - size) {
            throw new IllegalStateException("cannot insert " + data.length + " more bytes: " + size
                    + " bytes were inserted since the document was opened; save and reopen it");
        }
        if (size + data.length > bytes.length) {
            bytes = Arrays.copyOf(bytes, (int) Math.min(MAX_SIZE, Math.max(2L * bytes.length, size + data.length)));
        }
        int start = size;
        System.arraycopy(data, 0, bytes, start, data.length);
        size += data.length;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                if (lineFeedCount == lineFeeds.length) {
                    lineFeeds = Arrays.copyOf(lineFeeds, 2 * lineFeeds.length);
                }
                lineFeeds[lineFeedCount++] = start + i;
            }
        }
        return start;
    }

    @Override
    public void read(long position, byte[] target, int offset, int length) {
        System.arraycopy(bytes, Math.toIntExact(position), target, offset, length);
    }

    @Override
    public long countLineFeeds(long start, long end) {
        return firstLineFeedAtOrAfter(end) - firstLineFeedAtOrAfter(start);
    }

    @Override
    public long nthLineFeed(long start, long end, long n) {
        long index = firstLineFeedAtOrAfter(start) + n - 1;
        if (index < lineFeedCount && lineFeeds[(int) index] < end) {
            return lineFeeds[(int) index];
        }
        return -1 - countLineFeeds(start, end);
    }

    private int firstLineFeedAtOrAfter(long position) {
        int low = 0;
        int high = lineFeedCount;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (lineFeeds[mid] < position) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
