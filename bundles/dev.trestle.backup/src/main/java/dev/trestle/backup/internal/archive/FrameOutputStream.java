package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The tar stream on its way to the file, compressed in frames that {@link #cut()} ends. Concatenated zstd frames and
 * concatenated bzip2 streams are each one valid file for {@code zstd -d} and {@code bzip2 -d}, yet each frame
 * decompresses on its own, so damage to one cannot spread to the next.
 */
final class FrameOutputStream extends OutputStream {
    private final ArchiveFormat format;
    private final OutputStream file;
    private final List<Frame> frames = new ArrayList<>();
    private OutputStream compressor;
    private long fileBytes;
    private long plainBytes;
    private long frameFileStart;
    private long framePlainStart;

    FrameOutputStream(ArchiveFormat format, OutputStream file) {
        this.format = format;
        this.file = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                file.write(b);
                fileBytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                file.write(b, off, len);
                fileBytes += len;
            }

            @Override
            public void flush() throws IOException {
                file.flush();
            }
        };
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (compressor == null) {
            // tar hands over 512-byte records; batching them saves a JNI call into zstd per record
            compressor = new BufferedOutputStream(Codecs.compressor(format, file), 1 << 17);
        }
        compressor.write(b, off, len);
        plainBytes += len;
    }

    /** Index the next byte written will land in. */
    int currentFrame() {
        return frames.size();
    }

    long plainBytesInFrame() {
        return plainBytes - framePlainStart;
    }

    /** Ends the current frame, if it has content; the next write starts a new one. */
    void cut() throws IOException {
        if (compressor == null) {
            return;
        }
        if (plainBytes % 512 != 0) {
            throw new IllegalStateException("frame cut inside a tar record at " + plainBytes);
        }
        compressor.close();
        compressor = null;
        frames.add(
                new Frame(frameFileStart, fileBytes - frameFileStart, framePlainStart, plainBytes - framePlainStart));
        frameFileStart = fileBytes;
        framePlainStart = plainBytes;
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** Ends the last frame and flushes, but leaves the file open for its owner to force and close. */
    @Override
    public void close() throws IOException {
        cut();
        file.flush();
    }
}
