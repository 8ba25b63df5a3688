package dev.trestle.trace.ui.internal;

import java.util.Arrays;

/**
 * The events of a log as columns of primitives, 36 bytes an event and no object per event, so a ten-million-line
 * trace fits where ten million records would not. Arguments and results are not kept: the table re-reads the line of
 * a row when it is shown. Filled by one thread, then only read.
 */
final class EventTable {
    private static final int CHUNK_BITS = 16;
    private static final int CHUNK = 1 << CHUNK_BITS;

    final Interner names = new Interner();
    final Interner errnos = new Interner();
    private int[][] lines = new int[0][];
    private int[][] pids = new int[0][];
    private long[][] times = new long[0][];
    private long[][] durations = new long[0][];
    private long[][] results = new long[0][];
    private short[][] nameCodes = new short[0][];
    private short[][] errnoCodes = new short[0][];
    private int size;

    /** {@code result} is the numeric return value, or {@link Long#MIN_VALUE} when there is none. */
    void add(long line, int pid, long time, String name, String errno, long duration, long result) {
        int chunk = size >>> CHUNK_BITS;
        if (chunk == lines.length) {
            grow();
        }
        int at = size & (CHUNK - 1);
        lines[chunk][at] = (int) Math.min(line, Integer.MAX_VALUE);
        pids[chunk][at] = pid;
        times[chunk][at] = time;
        durations[chunk][at] = duration;
        results[chunk][at] = result;
        nameCodes[chunk][at] = names.code(name);
        errnoCodes[chunk][at] = errnos.code(errno);
        size++;
    }

    private void grow() {
        int n = lines.length + 1;
        lines = Arrays.copyOf(lines, n);
        pids = Arrays.copyOf(pids, n);
        times = Arrays.copyOf(times, n);
        durations = Arrays.copyOf(durations, n);
        results = Arrays.copyOf(results, n);
        nameCodes = Arrays.copyOf(nameCodes, n);
        errnoCodes = Arrays.copyOf(errnoCodes, n);
        lines[n - 1] = new int[CHUNK];
        pids[n - 1] = new int[CHUNK];
        times[n - 1] = new long[CHUNK];
        durations[n - 1] = new long[CHUNK];
        results[n - 1] = new long[CHUNK];
        nameCodes[n - 1] = new short[CHUNK];
        errnoCodes[n - 1] = new short[CHUNK];
    }

    int size() {
        return size;
    }

    long line(int i) {
        return lines[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    int pid(int i) {
        return pids[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    long time(int i) {
        return times[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    long duration(int i) {
        return durations[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    long result(int i) {
        return results[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    short nameCode(int i) {
        return nameCodes[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    short errnoCode(int i) {
        return errnoCodes[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    String name(int i) {
        return names.name(nameCode(i));
    }

    String errno(int i) {
        return errnos.name(errnoCode(i));
    }
}
