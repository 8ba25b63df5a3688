package dev.trestle.editor.internal.text;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The original file with a line index that grows from the start: for every block of {@code blockSize} bytes it keeps
 * the number of line feeds before the block, 8 bytes per block instead of 8 per line (a 1 GiB file with 16 KiB blocks
 * needs 512 KiB). A query scans at most one block. The background indexer and queries beyond its reach both extend
 * the same index under this object's lock, so a query never waits for more than the blocks it needs.
 */
final class IndexedFile implements ByteSource {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LOW_SEVEN = 0x7F7F_7F7F_7F7F_7F7FL;
    private final MappedFile file;
    private final int blockSize;
    private final int blockCount;
    private final byte[] scratch;
    private final CompletableFuture<Void> complete = new CompletableFuture<>();
    /** lineFeedsBefore[b] = line feeds in [0, b * blockSize), valid for b <= indexedBlocks. */
    private long[] lineFeedsBefore = new long[1024];

    private int indexedBlocks;
    /** Queries waiting for or holding the lock; the background indexer lets them go first. */
    private final AtomicInteger queriesWaiting = new AtomicInteger();

    IndexedFile(MappedFile file, int blockSize) {
        if (blockSize < 1) {
            throw new IllegalArgumentException("block size must be positive, got " + blockSize);
        }
        this.file = file;
        this.blockSize = blockSize;
        this.blockCount = Math.toIntExact((file.size() + blockSize - 1) / blockSize);
        this.scratch = new byte[blockSize];
        if (blockCount == 0) {
            complete.complete(null);
        }
    }

    long size() {
        return file.size();
    }

    CompletableFuture<Void> complete() {
        return complete;
    }

    synchronized long indexedBytes() {
        return Math.min(file.size(), (long) indexedBlocks * blockSize);
    }

    /**
     * Indexes to the end unless {@code cancelled}. Releases the lock every few blocks and then waits while a query
     * wants it: a monitor is not fair, and without the wait this loop would take the lock straight back, leaving the
     * UI thread's query (a line number on screen) to wait for most of the file.
     */
    void indexToEnd(BooleanSupplier cancelled) {
        boolean more = true;
        while (more && !cancelled.getAsBoolean()) {
            synchronized (this) {
                for (int i = 0; i < 64 && indexedBlocks < blockCount; i++) {
                    indexNextBlock();
                }
                more = indexedBlocks < blockCount;
            }
            while (queriesWaiting.get() > 0 && !cancelled.getAsBoolean()) {
                LockSupport.parkNanos(50_000);
            }
        }
    }

    @Override
    public void read(long position, byte[] target, int offset, int length) {
        file.read(position, target, offset, length);
    }

    @Override
    public long countLineFeeds(long start, long end) {
        queriesWaiting.incrementAndGet();
        try {
            synchronized (this) {
                return lineFeedsBefore(end) - lineFeedsBefore(start);
            }
        } finally {
            queriesWaiting.decrementAndGet();
        }
    }

    @Override
    public long nthLineFeed(long start, long end, long n) {
        queriesWaiting.incrementAndGet();
        try {
            synchronized (this) {
                return nthLineFeedLocked(start, end, n);
            }
        } finally {
            queriesWaiting.decrementAndGet();
        }
    }

    private long nthLineFeedLocked(long start, long end, long n) {
        long before = lineFeedsBefore(start);
        long wanted = before + n - 1;
        while (lineFeedsBefore[indexedBlocks] <= wanted && (long) indexedBlocks * blockSize < end) {
            indexNextBlock();
        }
        if (lineFeedsBefore[indexedBlocks] > wanted) {
            long position = positionOfIndexedLineFeed(wanted);
            if (position < end) {
                return position;
            }
        }
        return -1 - (lineFeedsBefore(end) - before);
    }

    private long lineFeedsBefore(long position) {
        int block = (int) (position / blockSize);
        while (indexedBlocks < block) {
            indexNextBlock();
        }
        long blockStart = (long) block * blockSize;
        return lineFeedsBefore[block] + scan(blockStart, (int) (position - blockStart), Long.MAX_VALUE);
    }

    /** Where line feed number {@code number} (from 0) is; the index must already count past it. */
    private long positionOfIndexedLineFeed(long number) {
        int low = 0;
        int high = indexedBlocks - 1;
        while (low < high) { // the first block b with lineFeedsBefore[b + 1] > number
            int mid = (low + high) >>> 1;
            if (lineFeedsBefore[mid + 1] > number) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        long blockStart = (long) low * blockSize;
        int length = (int) Math.min(blockSize, file.size() - blockStart);
        return blockStart + scan(blockStart, length, number - lineFeedsBefore[low]);
    }

    private void indexNextBlock() {
        long start = (long) indexedBlocks * blockSize;
        long count = scan(start, (int) Math.min(blockSize, file.size() - start), Long.MAX_VALUE);
        if (indexedBlocks + 1 == lineFeedsBefore.length) {
            lineFeedsBefore = Arrays.copyOf(lineFeedsBefore, 2 * lineFeedsBefore.length);
        }
        lineFeedsBefore[indexedBlocks + 1] = lineFeedsBefore[indexedBlocks] + count;
        indexedBlocks++;
        if (indexedBlocks == blockCount) {
            complete.complete(null);
        }
    }

    /**
     * Line feeds in the first {@code length} bytes of {@code bytes}, eight bytes at a time: a byte of {@code word ^
     * 0x0A...} is zero exactly where a line feed is, and the high bit of each byte of {@code found} is set exactly for
     * the zero bytes (the sum of the low seven bits cannot carry into the next byte). Counting a gigabyte this way is
     * several times faster than byte by byte, and counting is what the index spends its time on.
     */
    static long countLineFeeds(byte[] bytes, int length) {
        long count = 0;
        int i = 0;
        for (; i + Long.BYTES <= length; i += Long.BYTES) {
            long x = (long) LONGS.get(bytes, i) ^ 0x0A0A_0A0A_0A0A_0A0AL;
            long found = ~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN);
            count += Long.bitCount(found);
        }
        for (; i < length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /**
     * Scans {@code length} bytes (within one block) at {@code start}: returns the offset of line feed number {@code
     * stopAt} (from 0) when there is one, else the number of line feeds.
     */
    private long scan(long start, int length, long stopAt) {
        file.read(start, scratch, 0, length);
        if (stopAt == Long.MAX_VALUE) {
            return countLineFeeds(scratch, length);
        }
        long count = 0;
        for (int i = 0; i < length; i++) {
            if (scratch[i] == '\n') {
                if (count == stopAt) {
                    return i;
                }
                count++;
            }
        }
        return count;
    }
}
