package dev.trestle.trace.audit;

import java.util.ArrayList;
import java.util.List;

/** What one process's cwd or unit was, by log line; a value applies from its line on. */
final class History<T> {
    record Entry<T>(long line, T value) {}

    private final List<Entry<T>> entries = new ArrayList<>();

    void set(long line, T value) {
        entries.add(new Entry<>(line, value));
    }

    /** Records {@code value} as known since the process began, unless something was set before. */
    void observe(long line, T value) {
        set(entries.isEmpty() ? 0 : line, value);
    }

    /** The entry in force just before {@code line}, or null. */
    Entry<T> before(long line) {
        Entry<T> found = null;
        for (int i = 0; i < entries.size() && entries.get(i).line() < line; i++) {
            found = entries.get(i);
        }
        return found;
    }
}
