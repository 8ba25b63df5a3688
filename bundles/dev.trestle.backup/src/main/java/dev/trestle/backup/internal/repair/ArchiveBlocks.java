package dev.trestle.backup.internal.repair;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * An archive read block by block as the repair data cuts it: up to the size the layout records, whatever the file
 * holds past it, each block padded with zeros where the archive ends (or was cut short).
 */
final class ArchiveBlocks implements Closeable {
    private final InputStream in;
    private final Layout layout;
    private long next;

    ArchiveBlocks(InputStream in, Layout layout) {
        this.in = in;
        this.layout = layout;
    }

    /** Reads the next block into {@code block}; how many of the archive's bytes were there to read. */
    int next(byte[] block) throws IOException {
        int n = in.readNBytes(block, 0, layout.bytesIn(next++));
        Arrays.fill(block, n, layout.blockBytes(), (byte) 0);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
