package dev.trestle.trace.ui.internal;

import dev.trestle.core.jobs.Progress;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sits between the file and the parser: it indexes line starts as the bytes go by, so the log is read once, and it
 * reports progress by bytes and stops the parse when the user cancels (the parser itself knows nothing of jobs).
 */
final class IndexingStream extends FilterInputStream {
    private static final long REPORT_EVERY = 1 << 20;

    private final LineIndex index;
    private final Progress progress;
    private long position;
    private long unreported;

    /** {@code index} may be null when only progress is wanted. */
    IndexingStream(InputStream in, LineIndex index, Progress progress) {
        super(in);
        this.index = index;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            if (index != null) {
                for (int i = off; i < off + n; i++) {
                    if (b[i] == '\n') {
                        index.lineEnded(position + (i - off) + 1);
                    }
                }
            }
            position += n;
            unreported += n;
            if (unreported >= REPORT_EVERY) {
                progress.worked(unreported);
                unreported = 0;
                progress.checkCancelled();
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipped bytes would escape the index; the parsers never skip, so refuse rather than mis-index
        throw new IOException("skip is not supported while indexing");
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
