package dev.trestle.trace.ui.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the few distinct strings of a column (syscall names, errnos) so each event stores a short. Past {@link
 * #MAX} names, which no real trace reaches, the rest share one code rather than growing without bound.
 */
final class Interner {
    static final int MAX = Short.MAX_VALUE;
    static final short NONE = -1;
    private static final String OTHER = "(other)";

    private final Map<String, Short> codes = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    short code(String name) {
        if (name == null) {
            return NONE;
        }
        Short code = codes.get(name);
        if (code != null) {
            return code;
        }
        if (names.size() == MAX - 1) {
            return code(OTHER);
        }
        short added = (short) names.size();
        names.add(name);
        codes.put(name, added);
        return added;
    }

    /** The code of {@code name}, or {@link #NONE} if no event carries it. */
    short lookup(String name) {
        return codes.getOrDefault(name, NONE);
    }

    String name(short code) {
        return code == NONE ? null : names.get(code);
    }

    List<String> names() {
        return List.copyOf(names);
    }
}
