package dev.trestle.backup.internal.archive;

import java.io.IOException;
import java.io.InputStream;

/**
 * The next {@code length} bytes of a shared stream, so that a decompressor that misreads a damaged frame cannot
 * consume the next frame's bytes. Closing it does not close the shared stream.
 */
final class Region extends InputStream {
    private final InputStream in;
    private long remaining;
    private boolean endOfFile;

    Region(InputStream in, long length) {
        this.in = in;
        this.remaining = length;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (remaining == 0 || endOfFile) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, remaining));
        if (n < 0) {
            endOfFile = true;
            return -1;
        }
        remaining -= n;
        return n;
    }

    /** Reads past whatever the decompressor left; returns how many bytes were missing at end of file. */
    long drain() throws IOException {
        byte[] skip = new byte[64 * 1024];
        while (read(skip, 0, skip.length) >= 0) {
            // discard: only the position matters
        }
        return remaining;
    }

    long remaining() {
        return remaining;
    }
}
