package dev.trestle.editor.internal.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A read-only file mapped into memory one chunk at a time, when a read first touches the chunk. A {@link
 * MappedByteBuffer} is int-indexed, so a chunk is at most 2 GiB; the page cache, not the Java heap, holds the bytes.
 *
 * <p>Another program that truncates the file in place while it is mapped makes reads fail with an {@link
 * InternalError}; programs that replace files by renaming (as Trestle does) leave the mapped original intact.
 */
final class MappedFile implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;
    private final long size;
    private final long chunkSize;
    private final MappedByteBuffer[] chunks;

    MappedFile(Path path, long chunkSize) throws IOException {
        if (chunkSize < 1 || chunkSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunk size must be 1.." + Integer.MAX_VALUE + ", got " + chunkSize);
        }
        this.path = path;
        this.channel = FileChannel.open(path, StandardOpenOption.READ);
        this.size = channel.size();
        this.chunkSize = chunkSize;
        this.chunks = new MappedByteBuffer[Math.toIntExact((size + chunkSize - 1) / chunkSize)];
    }

    long size() {
        return size;
    }

    void read(long position, byte[] target, int offset, int length) {
        if (position < 0 || length < 0 || position + length > size) {
            throw new IndexOutOfBoundsException(
                    path + ": cannot read " + length + " bytes at " + position + " of " + size);
        }
        while (length > 0) {
            int index = (int) (position / chunkSize);
            int inChunk = (int) (position % chunkSize);
            MappedByteBuffer chunk = chunk(index);
            int n = Math.min(length, chunk.capacity() - inChunk);
            chunk.get(inChunk, target, offset, n);
            position += n;
            offset += n;
            length -= n;
        }
    }

    /** How many chunks reads have mapped so far (tests check that mapping is lazy). */
    synchronized int mappedChunks() {
        int mapped = 0;
        for (MappedByteBuffer chunk : chunks) {
            mapped += chunk == null ? 0 : 1;
        }
        return mapped;
    }

    private synchronized MappedByteBuffer chunk(int index) {
        if (chunks[index] == null) {
            long start = index * chunkSize;
            try {
                chunks[index] = channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(chunkSize, size - start));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot map " + path + " at " + start, e);
            }
        }
        return chunks[index];
    }

    @Override
    public void close() throws IOException {
        // Mapped chunks stay valid after the channel closes; the garbage collector unmaps them.
        channel.close();
    }
}
