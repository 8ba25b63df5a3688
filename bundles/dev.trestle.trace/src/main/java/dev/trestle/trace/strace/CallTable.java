package dev.trestle.trace.strace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Calls, errors and time per call name, found by the name's bytes: counting a line costs one probe of an open
 * addressing table and no String, which matters at millions of lines. A log uses a few hundred names; not
 * thread-safe (one per chunk).
 */
final class CallTable {
    /** What {@link #forEach} hands on. */
    interface Row {
        void row(String name, long calls, long errors, long micros);
    }

    private byte[][] keys = new byte[512][];
    private int[] hashes = new int[512];
    private long[] calls = new long[512];
    private long[] errors = new long[512];
    private long[] micros = new long[512];
    private int size;

    /** The hash {@link #count} expects: computed by the caller while it scans the name, so the bytes are read once. */
    static int hash(int hash, byte next) {
        return 31 * hash + next;
    }

    /** Counts one returned call named {@code b[from, to)} whose bytes hash to {@code hash}. */
    void count(byte[] b, int from, int to, int hash, boolean failed, long duration) {
        int slot = slot(b, from, to, hash);
        calls[slot]++;
        if (failed) {
            errors[slot]++;
        }
        if (duration > 0) {
            micros[slot] += duration;
        }
    }

    void count(String name, boolean failed, long duration) {
        byte[] b = name.getBytes(StandardCharsets.ISO_8859_1);
        int hash = 0;
        for (byte c : b) {
            hash = hash(hash, c);
        }
        count(b, 0, b.length, hash, failed, duration);
    }

    void forEach(Row out) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                out.row(new String(keys[i], StandardCharsets.ISO_8859_1), calls[i], errors[i], micros[i]);
            }
        }
    }

    private int slot(byte[] b, int from, int to, int hash) {
        int mask = keys.length - 1;
        for (int slot = (hash ^ (hash >>> 16)) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                if ((size + 1) * 2 > keys.length) {
                    grow();
                    return slot(b, from, to, hash);
                }
                size++;
                keys[slot] = Arrays.copyOfRange(b, from, to);
                hashes[slot] = hash;
                return slot;
            }
            if (hashes[slot] == hash && same(key, b, from, to)) {
                return slot;
            }
        }
    }

    /** Arrays.equals, written out: names are short, and the C1-only JIT calls its vectorized mismatch. */
    private static boolean same(byte[] key, byte[] b, int from, int to) {
        if (key.length != to - from) {
            return false;
        }
        for (int i = 0; i < key.length; i++) {
            if (key[i] != b[from + i]) {
                return false;
            }
        }
        return true;
    }

    private void grow() {
        byte[][] oldKeys = keys;
        int[] oldHashes = hashes;
        long[] oldCalls = calls;
        long[] oldErrors = errors;
        long[] oldMicros = micros;
        int length = oldKeys.length * 2;
        keys = new byte[length][];
        hashes = new int[length];
        calls = new long[length];
        errors = new long[length];
        micros = new long[length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int s = (oldHashes[i] ^ (oldHashes[i] >>> 16)) & (length - 1);
                while (keys[s] != null) {
                    s = (s + 1) & (length - 1);
                }
                keys[s] = oldKeys[i];
                hashes[s] = oldHashes[i];
                calls[s] = oldCalls[i];
                errors[s] = oldErrors[i];
                micros[s] = oldMicros[i];
            }
        }
    }
}
