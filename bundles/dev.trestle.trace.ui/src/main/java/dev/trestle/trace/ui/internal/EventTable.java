package dev.trestle.trace.ui.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Objects;

/**
 * The events of a log as fixed-size records in a temporary file, so heap stays the same for ten events or ten million.
 * The parse appends records through a 64 KB buffer; after {@link #finish} rows and filters read them through a few
 * read-only mapped windows of {@value #WINDOW_RECORDS} records, which live outside the heap and are paged in and out by
 * the kernel. Arguments and results are not kept: the table re-reads the line of a row when it is shown. Filled by one
 * thread, then read by any; {@link #close} deletes the file.
 */
final class EventTable implements AutoCloseable {
    static final String STATE_DIR_PROPERTY = "trestle.state.dir";
    /** line int, pid int, time long, duration long, result long, name short, errno short. */
    static final int RECORD = 36;

    static final int WINDOW_RECORDS = 1 << 16;
    private static final int WINDOWS = 4;
    private static final int LINE = 0;
    private static final int PID = 4;
    private static final int TIME = 8;
    private static final int DURATION = 16;
    private static final int RESULT = 24;
    private static final int NAME = 32;
    private static final int ERRNO = 34;
    private static final int BUFFER = RECORD * 1820;

    final Interner names = new Interner();
    final Interner errnos = new Interner();
    private final Path file;
    private FileChannel channel;
    private ByteBuffer pending = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    /** The mapped windows, by window number; a fixed few, replaced round robin. */
    private final MappedByteBuffer[] windows = new MappedByteBuffer[WINDOWS];

    private final int[] windowNumbers = {-1, -1, -1, -1};
    private int nextWindow;
    private int size;
    private boolean finished;
    private volatile boolean closed;

    EventTable() throws IOException {
        Path directory = Path.of(System.getProperty(STATE_DIR_PROPERTY, System.getProperty("java.io.tmpdir")));
        Files.createDirectories(directory);
        file = Files.createTempFile(directory, "trestle-events-", ".bin");
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** {@code result} is the numeric return value, or {@link Long#MIN_VALUE} when there is none. */
    void add(long line, int pid, long time, String name, String errno, long duration, long result) throws IOException {
        if (size == Integer.MAX_VALUE) {
            throw new IOException("more than " + Integer.MAX_VALUE + " events");
        }
        if (pending.remaining() < RECORD) {
            flush();
        }
        pending.putInt((int) Math.min(line, Integer.MAX_VALUE))
                .putInt(pid)
                .putLong(time)
                .putLong(duration)
                .putLong(result)
                .putShort(names.code(name))
                .putShort(errnos.code(errno));
        size++;
    }

    private void flush() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            channel.write(pending);
        }
        pending.clear();
    }

    /** Ends the writing: the records become readable and the write buffer is let go. */
    synchronized void finish() throws IOException {
        flush();
        channel.force(false);
        pending = null;
        finished = true;
    }

    /** The temporary file holding the records. */
    Path file() {
        return file;
    }

    /**
     * What this table keeps on the heap besides the two interners: the object, the write buffer while parsing. Does
     * not depend on the number of events.
     */
    long heapBytes() {
        return 160 + (long) WINDOWS * 64 + (pending == null ? 0 : pending.capacity());
    }

    int size() {
        return size;
    }

    /** The window holding event {@code i}, positioned nowhere: read it with absolute gets at {@link #offset}. */
    private synchronized ByteBuffer window(int i) {
        if (closed) {
            throw new IllegalStateException("the events of this log were closed");
        }
        if (!finished) {
            throw new IllegalStateException("the events are still being written");
        }
        Objects.checkIndex(i, size);
        int number = i / WINDOW_RECORDS;
        for (int w = 0; w < WINDOWS; w++) {
            if (windowNumbers[w] == number) {
                return windows[w];
            }
        }
        long first = (long) number * WINDOW_RECORDS;
        long count = Math.min(WINDOW_RECORDS, size - first);
        MappedByteBuffer mapped;
        try {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, first * RECORD, count * RECORD);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the events in " + file, e);
        }
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        int slot = nextWindow;
        nextWindow = (nextWindow + 1) % WINDOWS;
        windows[slot] = mapped;
        windowNumbers[slot] = number;
        return mapped;
    }

    private static int offset(int i) {
        return (i % WINDOW_RECORDS) * RECORD;
    }

    long line(int i) {
        return window(i).getInt(offset(i) + LINE);
    }

    int pid(int i) {
        return window(i).getInt(offset(i) + PID);
    }

    long time(int i) {
        return window(i).getLong(offset(i) + TIME);
    }

    long duration(int i) {
        return window(i).getLong(offset(i) + DURATION);
    }

    long result(int i) {
        return window(i).getLong(offset(i) + RESULT);
    }

    short nameCode(int i) {
        return window(i).getShort(offset(i) + NAME);
    }

    short errnoCode(int i) {
        return window(i).getShort(offset(i) + ERRNO);
    }

    String name(int i) {
        return names.name(nameCode(i));
    }

    String errno(int i) {
        return errnos.name(errnoCode(i));
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Deletes the file; idempotent. The mappings are let go with their buffers (Linux keeps a deleted file's pages
     * until then); readers still running afterwards get an {@link IllegalStateException}.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        Arrays.fill(windows, null);
        Arrays.fill(windowNumbers, -1);
        try {
            if (channel != null) {
                channel.close();
                channel = null;
            }
        } catch (IOException e) {
            // the file is deleted below all the same
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + file, e);
        }
    }
}
