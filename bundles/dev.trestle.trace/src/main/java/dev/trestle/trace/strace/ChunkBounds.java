package dev.trestle.trace.strace;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Where to cut a file into chunks of about a given size: at line starts, and not before a {@code -k} frame line,
 * which belongs to the call before it.
 */
final class ChunkBounds {
    private final FileChannel channel;
    private final ByteBuffer window = ByteBuffer.allocate(1 << 12);
    private long windowStart = -1;

    private ChunkBounds(FileChannel channel) {
        this.channel = channel;
    }

    /** The start of each chunk, then the file's size; {@code [0, size]} for one chunk. */
    static long[] of(FileChannel channel, long chunkSize) throws IOException {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize < 1: " + chunkSize);
        }
        long size = channel.size();
        ChunkBounds bounds = new ChunkBounds(channel);
        List<Long> starts = new ArrayList<>(List.of(0L));
        for (long at = chunkSize; at < size; at += chunkSize) {
            long start = bounds.lineStart(Math.max(at, starts.get(starts.size() - 1) + 1), size);
            if (start >= size) {
                break;
            }
            if (start > starts.get(starts.size() - 1)) {
                starts.add(start);
            }
        }
        starts.add(size);
        return starts.stream().mapToLong(Long::longValue).toArray();
    }

    /** The first line start at or after {@code at} that is not a frame line, or {@code size}. */
    private long lineStart(long at, long size) throws IOException {
        long p = at;
        while (p < size && byteAt(p - 1) != '\n') {
            p++;
        }
        while (p + 3 <= size && byteAt(p) == ' ' && byteAt(p + 1) == '>' && byteAt(p + 2) == ' ') {
            p += 3;
            while (p < size && byteAt(p - 1) != '\n') {
                p++;
            }
        }
        return p;
    }

    private int byteAt(long position) throws IOException {
        if (windowStart < 0 || position < windowStart || position >= windowStart + window.limit()) {
            window.clear();
            windowStart = position;
            while (window.hasRemaining() && channel.read(window, windowStart + window.position()) > 0) {
                // a positional read may return less than asked
            }
            window.flip();
            if (!window.hasRemaining()) {
                return -1;
            }
        }
        return window.get((int) (position - windowStart));
    }
}
