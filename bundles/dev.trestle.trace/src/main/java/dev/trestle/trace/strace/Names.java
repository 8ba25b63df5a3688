package dev.trestle.trace.strace;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Turns the bytes of a call or errno name into one shared String, so a log of millions of calls makes a few hundred
 * Strings and the summary can count without allocating. Names are words of ASCII letters, digits and {@code _}; the
 * table holds the few hundred distinct ones a log uses and is not thread-safe (one per parse).
 */
final class Names {
    // Past this many distinct names (which no real log reaches) a name is decoded each time instead of kept.
    private static final int MAX_NAMES = 1 << 14;

    private byte[][] keys = new byte[1024][];
    private String[] values = new String[1024];
    private int size;

    String of(byte[] b, int from, int to) {
        int hash = hash(b, from, to);
        int mask = keys.length - 1;
        for (int slot = mix(hash) & mask; ; slot = (slot + 1) & mask) {
            byte[] key = keys[slot];
            if (key == null) {
                String name = new String(b, from, to - from, StandardCharsets.ISO_8859_1);
                if (size < MAX_NAMES) {
                    add(slot, Arrays.copyOfRange(b, from, to), name);
                }
                return name;
            }
            if (Arrays.equals(key, 0, key.length, b, from, to)) {
                return values[slot];
            }
        }
    }

    private void add(int slot, byte[] key, String name) {
        keys[slot] = key;
        values[slot] = name;
        if (++size * 2 > keys.length) {
            byte[][] oldKeys = keys;
            String[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            values = new String[oldKeys.length * 2];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int s = mix(hash(oldKeys[i], 0, oldKeys[i].length)) & (keys.length - 1);
                    while (keys[s] != null) {
                        s = (s + 1) & (keys.length - 1);
                    }
                    keys[s] = oldKeys[i];
                    values[s] = oldValues[i];
                }
            }
        }
    }

    private static int hash(byte[] b, int from, int to) {
        int hash = 0;
        for (int i = from; i < to; i++) {
            hash = 31 * hash + b[i];
        }
        return hash;
    }

    private static int mix(int hash) {
        return hash ^ (hash >>> 16);
    }
}
