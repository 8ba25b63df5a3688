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
 * The events a filter let through, as their indices in a temporary file next to the {@link EventTable}'s: a filter
 * that keeps nine million of ten million events would otherwise hold 36 MB of heap, twice that while the array grows.
 * Indices are appended in increasing order through a 16 KB buffer; after {@link #finish} they are read through two
 * read-only mapped windows of {@value #WINDOW_ROWS} rows, outside the heap, as {@link EventTable} reads its records.
 * {@link #close} deletes the file. Filled by one thread, then read by another.
 */
final class FilteredRows implements AutoCloseable {
    static final int WINDOW_ROWS = 1 << 18;
    private static final int BUFFER = 16 << 10;

    private final Path file;
    private final FileChannel channel;
    private ByteBuffer pending = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final MappedByteBuffer[] windows = new MappedByteBuffer[2];
    private final int[] windowNumbers = {-1, -1};
    private int nextWindow;
    private boolean finished;
    private int size;
    private int last = -1;
    private boolean closed;

    FilteredRows() throws IOException {
        Path directory =
                Path.of(System.getProperty(EventTable.STATE_DIR_PROPERTY, System.getProperty("java.io.tmpdir")));
        Files.createDirectories(directory);
        file = Files.createTempFile(directory, "trestle-rows-", ".bin");
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Appends the index of an event that passed; indices come in increasing order, as the filter walks the log. */
    void add(int event) throws IOException {
        if (event <= last) {
            throw new IllegalArgumentException("event " + event + " after " + last);
        }
        if (!pending.hasRemaining()) {
            flush();
        }
        pending.putInt(event);
        last = event;
        size++;
    }

    /** Ends the writing: the indices become readable and the write buffer is let go. */
    void finish() throws IOException {
        flush();
        pending = null;
        finished = true;
    }

    private void flush() throws IOException {
        pending.flip();
        while (pending.hasRemaining()) {
            channel.write(pending);
        }
        pending.clear();
    }

    int size() {
        return size;
    }

    /** The event shown in row {@code row}. */
    int event(int row) {
        if (!finished || closed) {
            throw new IllegalStateException(closed ? "these rows were closed" : "the rows are still being written");
        }
        Objects.checkIndex(row, size);
        return window(row / WINDOW_ROWS).getInt((row % WINDOW_ROWS) * Integer.BYTES);
    }

    private MappedByteBuffer window(int number) {
        for (int w = 0; w < windows.length; w++) {
            if (windowNumbers[w] == number) {
                return windows[w];
            }
        }
        long first = (long) number * WINDOW_ROWS;
        long count = Math.min(WINDOW_ROWS, size - first);
        MappedByteBuffer mapped;
        try {
            mapped = channel.map(FileChannel.MapMode.READ_ONLY, first * Integer.BYTES, count * Integer.BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the filtered rows in " + file, e);
        }
        mapped.order(ByteOrder.LITTLE_ENDIAN);
        windows[nextWindow] = mapped;
        windowNumbers[nextWindow] = number;
        nextWindow = (nextWindow + 1) % windows.length;
        return mapped;
    }

    /** The row of {@code event}, or {@code -(the row it would have) - 1} when it did not pass, as Arrays.binarySearch. */
    int rowOf(int event) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = event(middle);
            if (found < event) {
                low = middle + 1;
            } else if (found > event) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -(low + 1);
    }

    /** The temporary file holding the indices. */
    Path file() {
        return file;
    }

    /** Deletes the file; idempotent. The mappings go with their buffers, as {@link EventTable#close} explains. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Arrays.fill(windows, null);
        try {
            channel.close();
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
