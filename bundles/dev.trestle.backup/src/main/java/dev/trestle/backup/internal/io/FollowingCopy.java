package dev.trestle.backup.internal.io;

import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@link DurableCopy} that starts while its source is still being written: the writer says how many of the
 * source's bytes are final and verified ({@link #advance}), and a thread of its own copies them to the destination,
 * forces them to the device every few megabytes and reads what was forced back past the page cache into a SHA-256.
 * When the source is complete, {@link #finish} copies the rest, forces the file, renames it and forces its directory,
 * and reads back only what was not yet read: the device's write and read-back of most of the file overlap with making
 * it, instead of following it.
 *
 * <p>Every byte is read back only after the force that covered it, as {@link ReadBack} reads a whole file after its
 * force; the read-back's SHA-256 covers every byte of the final file, held against that of the bytes written.
 */
public final class FollowingCopy {
    private static final String PARTIAL = ".partial";
    /** Forced and read back in steps of this much: a few forces for a large archive, none for a small one. */
    private static final long STEP = 32L << 20;

    private static final int CHUNK = 4 << 20;

    private final Path source;
    private final Path to;
    private final Path temp;
    /** Opened once there is something to copy: the source may not exist yet when the copy starts. */
    private FileChannel in;

    private final FileChannel out;
    private final Thread thread;
    private final MessageDigest readBack = sha256();

    /** Guarded by {@code this}. */
    private long available;

    private boolean finishing;
    private boolean abandoned;
    private IOException failure;

    /** Owned by the copying thread until it ends, then by {@link #finish}. */
    private long copied;

    private long readUpTo;
    private final FileChannel direct;
    private final ByteBuffer aligned;
    private final int alignment;
    private final boolean bypassed;

    private FollowingCopy(Path source, Path to) throws IOException {
        this.source = source;
        this.to = to;
        this.temp = to.resolveSibling("." + to.getFileName() + PARTIAL);
        try {
            this.out = FileChannel.open(
                    temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("writing " + to + " failed: " + e.getMessage(), e);
        }
        try {
            // opened now, under the temporary name: the last read-back comes after the rename
            alignment = (int) Files.getFileStore(temp).getBlockSize();
            FileChannel device = DeviceInput.directChannel(temp);
            bypassed = device != null;
            this.direct = device != null ? device : FileChannel.open(temp, StandardOpenOption.READ);
            this.aligned = ByteBuffer.allocateDirect(CHUNK + alignment).alignedSlice(alignment);
        } catch (IOException e) {
            out.close();
            Files.deleteIfExists(temp);
            throw new IOException("reading back " + to + " failed: " + e.getMessage(), e);
        }
        this.thread = new Thread(this::follow, "backup-copy");
        thread.setDaemon(true);
    }

    /**
     * Starts copying {@code source}, which is being written or about to be, to {@code to} (under a temporary name
     * until {@link #finish}).
     */
    public static FollowingCopy start(Path source, Path to) throws IOException {
        FollowingCopy copy = new FollowingCopy(source, to);
        copy.thread.start();
        return copy;
    }

    /** The source's first {@code bytes} are written, verified and will not change: they may be copied. */
    public synchronized void advance(long bytes) {
        if (bytes > available) {
            available = bytes;
            notifyAll();
        }
    }

    /**
     * Copies the rest of the now complete source, forces, renames and forces the directory as {@link DurableCopy}
     * does, then reads back what was not read yet and holds the whole read-back against {@code size} and
     * {@code sha256}. On failure the temporary file is removed and nothing of the final name is left.
     */
    public ReadBack.Result finish(long size, String sha256) throws IOException {
        synchronized (this) {
            finishing = true;
            notifyAll();
        }
        try {
            join();
            synchronized (this) {
                if (failure != null) {
                    throw failure;
                }
            }
            copy(size);
            out.force(true);
            out.close();
            Files.move(temp, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            AtomicFiles.forceDirectory(to.toAbsolutePath().getParent());
        } catch (AtomicMoveNotSupportedException e) {
            abandon();
            throw new IOException("cannot rename " + temp + " to " + to + " atomically", e);
        } catch (IOException e) {
            abandon();
            throw new IOException("writing " + to + " failed: " + e.getMessage(), e);
        }
        try {
            long total = readBack(Long.MAX_VALUE);
            boolean same =
                    total == size && HexFormat.of().formatHex(readBack.digest()).equals(sha256);
            return new ReadBack.Result(same, bypassed, same ? -1 : total);
        } finally {
            closeQuietly();
        }
    }

    /** Stops, and removes the temporary file: the source failed, or was cancelled. */
    public void abandon() {
        synchronized (this) {
            abandoned = true;
            notifyAll();
        }
        try {
            join();
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly();
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // the next create removes leftovers before it writes (DurableCopy.removeLeftovers)
        }
    }

    private void follow() {
        try {
            long forced = 0;
            while (true) {
                long target;
                synchronized (this) {
                    while (available <= copied && !finishing && !abandoned) {
                        wait();
                    }
                    if (abandoned || finishing) {
                        return;
                    }
                    target = available;
                }
                copy(target);
                if (copied - forced >= STEP) {
                    out.force(false);
                    forced = copied;
                    readBack(forced);
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                failure = new InterruptedIOException("interrupted while copying " + source);
            }
        }
    }

    private void copy(long upTo) throws IOException {
        if (in == null) {
            in = FileChannel.open(source, StandardOpenOption.READ);
        }
        while (copied < upTo) {
            long n = in.transferTo(copied, upTo - copied, out);
            if (n <= 0) {
                throw new IOException("copying " + source + " to " + temp + " stalled at byte " + copied);
            }
            copied += n;
        }
    }

    /**
     * Reads the copy from {@code readUpTo} towards {@code limit} into the digest, past the cache where the file system
     * allows it; with {@code O_DIRECT} only whole aligned blocks, except the last read of the file.
     *
     * @return how many bytes have been read back in all
     */
    private long readBack(long limit) throws IOException {
        long end = limit == Long.MAX_VALUE ? Long.MAX_VALUE : limit - limit % alignment;
        while (readUpTo < end) {
            aligned.clear();
            if (end - readUpTo < aligned.capacity()) {
                aligned.limit((int) (end - readUpTo));
            }
            int n = direct.read(aligned, readUpTo);
            if (n <= 0) {
                break;
            }
            aligned.flip();
            readBack.update(aligned);
            readUpTo += n;
            if (limit == Long.MAX_VALUE && n < aligned.capacity()) {
                // a short read is the end of the file: after it the position is unaligned
                break;
            }
        }
        return readUpTo;
    }

    private void join() throws InterruptedIOException {
        try {
            thread.join();
        } catch (InterruptedException e) {
            throw new InterruptedIOException("interrupted while copying " + source + " to " + to);
        }
    }

    private void closeQuietly() {
        for (FileChannel channel : new FileChannel[] {in, out, direct}) {
            try {
                if (channel != null) {
                    channel.close();
                }
            } catch (IOException e) {
                // closing after a failure or after the data was forced: nothing left to lose
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
