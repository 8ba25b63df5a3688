package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * The tar stream on its way to the file, compressed in frames that {@link #cut()} ends. Concatenated zstd frames and
 * concatenated bzip2 streams are each one valid file for {@code zstd -d} and {@code bzip2 -d}, yet each frame
 * decompresses on its own, so damage to one cannot spread to the next.
 *
 * <p>Because frames are independent they are also compressed in parallel: a frame's tar bytes are collected in
 * memory, and on {@link #cut()} a worker digests its members ({@link #afterCut}) and compresses it while the caller
 * goes on reading the next files. Frames reach the file in order. A member too large to hold in memory is written in
 * a streaming frame of its own ({@link #startStreaming()}), which zstd still compresses on several threads.
 *
 * <p>The same worker then verifies the frame it compressed ({@link Check}), while the frame's bytes are still in
 * memory; and every byte that reaches the file is digested, so that a copy read back from a device can be held
 * against the bytes that were verified.
 */
final class FrameOutputStream extends OutputStream {
    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ArchiveFormat format;
    private final OutputStream file;
    private final List<Frame> frames = new ArrayList<>();
    private final ExecutorService workers;
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final List<Consumer<byte[]>> frameTasks = new ArrayList<>();
    private byte[] plain = new byte[1 << 16];
    private int plainCount;
    private OutputStream streaming;
    private long streamingFileStart;
    private long fileBytes;
    private long plainBytes;
    private long framePlainStart;

    /** Plain buffers whose frames are written, for the next frames: a frame is megabytes, allocated once. */
    private final Deque<byte[]> spare = new ArrayDeque<>();

    private final Check check;
    private final MessageDigest written = Digests.newSha256();
    private final Map<Integer, String> problems = new TreeMap<>();
    private final List<Integer> streamed = new ArrayList<>();
    /** Told how many of the file's bytes are written and verified, each time a frame adds to them. */
    private LongConsumer verified = bytes -> {};
    /** A streamed frame is written but not yet verified: no later byte counts as verified before it. */
    private boolean unverifiedStream;

    /** Verifies one compressed frame against the tar bytes it was made of, on the worker that compressed it. */
    interface Check {
        /** @return {@code null} if the frame decodes to exactly what it must, else what is wrong */
        String frame(int number, byte[] compressed, byte[] plain, int length) throws IOException;
    }

    private record Compressed(byte[] bytes, String problem) {}

    private record Pending(
            int number, Future<Compressed> compressed, byte[] plain, long plainOffset, long plainLength) {}

    FrameOutputStream(ArchiveFormat format, OutputStream file, Check check) {
        this.format = format;
        this.check = check;
        this.file = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                file.write(b);
                written.update((byte) b);
                fileBytes++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                file.write(b, off, len);
                written.update(b, off, len);
                fileBytes += len;
            }

            @Override
            public void flush() throws IOException {
                file.flush();
            }
        };
        this.workers = Executors.newFixedThreadPool(THREADS, work -> {
            Thread thread = new Thread(work, "backup-compress");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (streaming != null) {
            streaming.write(b, off, len);
        } else {
            if (plainCount + len > plain.length) {
                plain = Arrays.copyOf(plain, Math.max(plain.length * 2, plainCount + len));
            }
            System.arraycopy(b, off, plain, plainCount, len);
            plainCount += len;
        }
        plainBytes += len;
    }

    /**
     * Is told, after each frame that passed its check reached the file, how many of the file's bytes from its start
     * are written (flushed to it) and verified, as long as every frame so far passed; a frame compressed as it was
     * read counts once {@link #streamedFrameVerified()} says so.
     */
    void whenVerified(LongConsumer listener) {
        this.verified = listener;
    }

    /** The streamed frame just cut was read back from the file and verified. */
    void streamedFrameVerified() throws IOException {
        unverifiedStream = false;
        publishVerified();
    }

    /** Pushes what was written through to the file, so that it can be read from there. */
    void flushFile() throws IOException {
        file.flush();
    }

    private void publishVerified() throws IOException {
        if (!unverifiedStream && problems.isEmpty()) {
            file.flush();
            verified.accept(fileBytes);
        }
    }

    /** Index the next byte written will land in. */
    int currentFrame() {
        return frames.size() + pending.size();
    }

    long plainBytesInFrame() {
        return plainBytes - framePlainStart;
    }

    /**
     * Runs {@code task} on the current frame's tar bytes (from its first byte) on the worker that compresses it,
     * before the frame is compressed. Not offered for a streaming frame, whose bytes are never held.
     */
    void afterCut(Consumer<byte[]> task) {
        if (streaming != null) {
            throw new IllegalStateException("a streaming frame keeps no bytes to hand to a task");
        }
        frameTasks.add(task);
    }

    /**
     * Ends the current frame and writes the next one straight through a compressor, for a member too large to hold;
     * the caller digests its content as it goes. The frame ends at the next {@link #cut()}.
     */
    void startStreaming() throws IOException {
        cut();
        drain(0);
        streamed.add(currentFrame());
        unverifiedStream = true;
        streamingFileStart = fileBytes;
        streaming = Codecs.compressor(format, file, THREADS);
    }

    /** Ends the current frame, if it has content; the next write starts a new one. */
    void cut() throws IOException {
        if (plainBytes % 512 != 0) {
            throw new IllegalStateException("frame cut inside a tar record at " + plainBytes);
        }
        long plainLength = plainBytes - framePlainStart;
        if (streaming != null) {
            streaming.close();
            streaming = null;
            frames.add(new Frame(streamingFileStart, fileBytes - streamingFileStart, framePlainStart, plainLength));
        } else if (plainLength > 0) {
            byte[] bytes = plain;
            int length = plainCount;
            List<Consumer<byte[]>> tasks = List.copyOf(frameTasks);
            int number = currentFrame();
            Future<Compressed> compressed = workers.submit(() -> {
                for (Consumer<byte[]> task : tasks) {
                    task.accept(bytes);
                }
                byte[] frame = Codecs.compress(format, bytes, length);
                return new Compressed(frame, check.frame(number, frame, bytes, length));
            });
            pending.add(new Pending(number, compressed, bytes, framePlainStart, plainLength));
            // room to spare: the next frame may be a little longer, and growing it copies megabytes
            plain = spare.isEmpty() ? new byte[Math.max(1 << 16, length + length / 4)] : spare.removeFirst();
            plainCount = 0;
            frameTasks.clear();
            // enough in flight to keep every worker busy, few enough that memory stays a few frames
            drain(2 * THREADS);
        }
        framePlainStart = plainBytes;
    }

    /** Writes finished frames to the file, in order, until at most {@code inFlight} are left. */
    void drain(int inFlight) throws IOException {
        while (pending.size() > inFlight) {
            Pending next = pending.removeFirst();
            Compressed compressed;
            try {
                compressed = next.compressed().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while compressing");
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof IOException io) {
                    throw io;
                }
                if (cause instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IOException("compressing a frame failed: " + cause, cause);
            }
            spare.addLast(next.plain());
            byte[] bytes = compressed.bytes();
            if (compressed.problem() != null) {
                problems.put(next.number(), compressed.problem());
            }
            long offset = fileBytes;
            file.write(bytes, 0, bytes.length);
            frames.add(new Frame(offset, bytes.length, next.plainOffset(), next.plainLength()));
            publishVerified();
        }
    }

    List<Frame> frames() {
        return List.copyOf(frames);
    }

    /** Per frame that failed its check, what was wrong; streamed frames are not checked here. */
    Map<Integer, String> problems() {
        return Map.copyOf(problems);
    }

    /** The frames written straight through a compressor, which only a read of the file can verify. */
    List<Integer> streamed() {
        return List.copyOf(streamed);
    }

    /** The SHA-256 of every byte written to the file; complete once closed. */
    String sha256() {
        return Digests.hex(written.digest());
    }

    /** Stops the workers after a failure; the file is left as it is, for its owner to delete. */
    void abandon() {
        workers.shutdownNow();
    }

    /** Ends the last frame and flushes, but leaves the file open for its owner to force and close. */
    @Override
    public void close() throws IOException {
        try {
            cut();
            drain(0);
            file.flush();
        } finally {
            workers.shutdownNow();
        }
    }
}
