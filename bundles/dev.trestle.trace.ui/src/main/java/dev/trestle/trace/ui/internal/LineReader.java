package dev.trestle.trace.ui.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads single lines of a log by number through its {@link LineIndex}. A virtual table asks for neighbouring rows, so
 * the last block read is kept and most rows cost no I/O. Lines longer than a block are cut: they are shown truncated.
 */
final class LineReader implements AutoCloseable {
    static final int BLOCK = 64 * 1024;

    private final FileChannel channel;
    private final LineIndex index;
    private final ByteBuffer block = ByteBuffer.allocate(BLOCK);
    /** The line the cached block starts with; 0 while nothing is cached. */
    private long blockFirstLine;

    LineReader(Path file, LineIndex index) throws IOException {
        this.channel = FileChannel.open(file, StandardOpenOption.READ);
        this.index = index;
    }

    /** The text of 1-based {@code line}, without its terminator; empty past the end of the file. */
    String line(long line) throws IOException {
        if (blockFirstLine > 0 && blockFirstLine <= line) {
            String cached = find(line);
            if (cached != null) {
                return cached;
            }
        }
        block.clear();
        block.limit(Math.max(channel.read(block, offsetOf(line)), 0));
        blockFirstLine = line;
        String found = find(line);
        return found != null ? found : text(0, block.limit());
    }

    /** The line from the cached block, or null if it does not lie wholly inside it. */
    private String find(long line) {
        byte[] bytes = block.array();
        int limit = block.limit();
        int pos = 0;
        for (long l = blockFirstLine; l < line; l++) {
            while (pos < limit && bytes[pos] != '\n') {
                pos++;
            }
            if (pos >= limit) {
                return null;
            }
            pos++;
        }
        int end = pos;
        while (end < limit && bytes[end] != '\n') {
            end++;
        }
        boolean atEndOfFile = limit < BLOCK;
        return end < limit || atEndOfFile ? text(pos, end) : null;
    }

    private String text(int from, int end) {
        int to = end > from && block.array()[end - 1] == '\r' ? end - 1 : end;
        return new String(block.array(), from, to - from, StandardCharsets.UTF_8);
    }

    /** Scans at most {@link LineIndex#STRIDE} lines forward from the nearest indexed line. */
    private long offsetOf(long line) throws IOException {
        long offset = index.blockStart(line);
        long current = index.firstLineOfBlock(line);
        ByteBuffer scan = ByteBuffer.allocate(BLOCK);
        while (current < line) {
            scan.clear();
            int n = channel.read(scan, offset);
            if (n <= 0) {
                return offset;
            }
            int i = 0;
            while (i < n && current < line) {
                if (scan.get(i++) == '\n') {
                    current++;
                }
            }
            offset += i;
        }
        return offset;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
