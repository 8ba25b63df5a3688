package dev.trestle.make.internal.deps;

import dev.trestle.make.deps.Inclusion;
import java.util.Arrays;
import java.util.List;

/**
 * A unit's inclusions, each once, in the order first met. An open-addressing table of indices into an array rather
 * than a LinkedHashSet: a scan adds hundreds of thousands, and a node per entry made a tenth of its garbage.
 */
final class InclusionSet {
    private Inclusion[] order = new Inclusion[256];
    private int size;
    /** Index + 1 into {@link #order}, 0 for empty; the length is a power of two at least twice the size. */
    private int[] table = new int[512];

    void add(Inclusion inclusion) {
        int mask = table.length - 1;
        int slot = spread(inclusion.hashCode()) & mask;
        for (int at = table[slot]; at != 0; at = table[slot]) {
            Inclusion known = order[at - 1];
            // most inclusions come from records, the same objects every time
            if (known == inclusion || known.equals(inclusion)) {
                return;
            }
            slot = (slot + 1) & mask;
        }
        if (size == order.length) {
            order = Arrays.copyOf(order, size * 2);
        }
        order[size++] = inclusion;
        table[slot] = size;
        if (size * 2 > table.length) {
            rehash();
        }
    }

    /** Empties the set, keeping its arrays as they grew. */
    void clear() {
        if (size > 0) {
            Arrays.fill(table, 0);
            size = 0;
        }
    }

    /** A view, to be copied (as {@code ScanResult} does) before the set changes again. */
    List<Inclusion> view() {
        return Arrays.asList(order).subList(0, size);
    }

    private void rehash() {
        table = new int[table.length * 2];
        int mask = table.length - 1;
        for (int i = 0; i < size; i++) {
            int slot = spread(order[i].hashCode()) & mask;
            while (table[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot] = i + 1;
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
