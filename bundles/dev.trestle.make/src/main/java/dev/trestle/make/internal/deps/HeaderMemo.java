package dev.trestle.make.internal.deps;

import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What entering a header did, remembered across the units of one scan: the macros it looked at (with the values it
 * saw), the values it left behind, and what it and the headers it reached included and reported. A unit that
 * enters the same header, found in the same place, with the same values for exactly those macros, would do exactly
 * the same, so it applies the record instead of evaluating the header's directives again. This is what makes the
 * cost of a unit close to the cost of the few headers that differ from the units before it, as most units of a
 * project include the same headers.
 *
 * <p>A record is flat: the macros' final values, not every change on the way, because nothing reads the table
 * while a record is applied; the inclusions and problems of the whole subtree in the order they were met. A
 * {@code #pragma once} or {@code #import} mark is a value in the table like a macro ({@link MacroTable#isOnce}),
 * so a record made where a file was not yet marked is not applied where it is.
 *
 * <p>Values are compared by identity first: a macro is parsed once per file read ({@link Step}), so the same
 * definition reached in two units is the same object.
 */
final class HeaderMemo {
    /** Keeps a header from filling memory with variants when it is entered under many different macro sets. */
    private static final int MAX_VARIANTS = 16;

    record Key(Path file, int foundAt, boolean uncertain) {}

    /**
     * @param names the names read before the header wrote them
     * @param values their raw table values as read ({@code null} for a name never mentioned)
     * @param written the names whose values the header changed, with {@code finals} their values after it
     * @param height how deep the includes below the header went
     */
    record Variant(
            String[] names,
            Macro[] values,
            String[] written,
            Macro[] finals,
            Inclusion[] inclusions,
            Problem[] problems,
            int height,
            Map<Map<String, Macro>, HashMap<String, Macro>> bases) {
        /** A base table with this record applied, made once per base: a map keyed by identity, not by content. */
        HashMap<String, Macro> baseAfter(HashMap<String, Macro> before) {
            synchronized (bases) {
                return bases.computeIfAbsent(before, b -> {
                    HashMap<String, Macro> after = new HashMap<>(before.size() + written.length + written.length / 2);
                    after.putAll(before);
                    for (int i = 0; i < written.length; i++) {
                        after.put(written[i], finals[i]);
                    }
                    return after;
                });
            }
        }
    }

    /** How many macros a record must write for {@link MacroTable#apply} to share the table it leads to. */
    static final int SHARED_BASE_SIZE = 256;

    private final Map<Key, List<Variant>> variants = new ConcurrentHashMap<>();

    /**
     * Which variant matched a shared table ({@link MacroTable#sharedState}): such a table never changes, so the
     * answer holds for every unit that reaches it, and most units reach the same few after their first includes.
     */
    private final Map<SharedMatch, Variant> sharedMatches = new ConcurrentHashMap<>();

    /** A header's key on a shared table, the table compared by identity. */
    private record SharedMatch(Object table, Key key) {
        @Override
        public boolean equals(Object o) {
            return o instanceof SharedMatch m && m.table == table && m.key.equals(key);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(table) * 31 + key.hashCode();
        }
    }

    /** A variant recorded under the table's current values, or {@code null}. */
    Variant find(Key key, MacroTable macros) {
        List<Variant> known = variants.get(key);
        if (known == null) {
            return null;
        }
        Object shared = macros.sharedState();
        if (shared != null) {
            Variant matched = sharedMatches.get(new SharedMatch(shared, key));
            if (matched != null) {
                return matched;
            }
        }
        for (Variant v : known) {
            if (macros.matches(v.names, v.values)) {
                if (shared != null) {
                    sharedMatches.put(new SharedMatch(shared, key), v);
                }
                return v;
            }
        }
        return null; // not remembered: a variant recorded later may match
    }

    void remember(Key key, Variant variant) {
        variants.compute(key, (k, old) -> {
            if (old == null) {
                return List.of(variant);
            }
            if (old.size() >= MAX_VARIANTS) {
                return old;
            }
            List<Variant> more = new ArrayList<>(old);
            more.add(variant);
            return List.copyOf(more);
        });
    }

    /** Records one header's subtree while the unit evaluates it. */
    static final class Recorder {
        /** A macro's value when first read, and the table's write count then (see {@link MacroTable}). */
        record Read(Macro value, int lastWrite) {}

        final Key key;
        /** The table's write count when the header was entered: later writes are the header's own. */
        final int startedAt;

        final Map<String, Read> reads = new HashMap<>(64);
        final Map<String, Macro> writes = new HashMap<>(64);
        final List<Inclusion> inclusions = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        int height;
        boolean keep = true;

        Recorder(Key key, int startedAt) {
            this.key = key;
            this.startedAt = startedAt;
        }

        /** A read of a name the header has not written yet: what the header's outcome depends on. */
        void read(String name, Macro value, int lastWrite) {
            if (lastWrite <= startedAt) {
                reads.putIfAbsent(name, new Read(value, lastWrite));
            }
        }

        /** What an included header, recorded, did becomes part of what this one did. */
        void absorb(Recorder child) {
            child.reads.forEach((name, read) -> read(name, read.value(), read.lastWrite()));
            writes.putAll(child.writes);
            inclusions.addAll(child.inclusions);
            problems.addAll(child.problems);
            height = Math.max(height, child.height + 1);
        }

        /** What an included header, applied from its record, did; its reads are the caller's business. */
        void absorb(Variant child) {
            for (int i = 0; i < child.written.length; i++) {
                writes.put(child.written[i], child.finals[i]);
            }
            inclusions.addAll(List.of(child.inclusions));
            problems.addAll(List.of(child.problems));
            height = Math.max(height, child.height + 1);
        }

        Variant variant() {
            int n = reads.size();
            String[] names = new String[n];
            Macro[] values = new Macro[n];
            int i = 0;
            for (Map.Entry<String, Read> read : reads.entrySet()) {
                names[i] = read.getKey();
                values[i++] = read.getValue().value();
            }
            String[] written = new String[writes.size()];
            Macro[] finals = new Macro[writes.size()];
            i = 0;
            for (Map.Entry<String, Macro> write : writes.entrySet()) {
                written[i] = write.getKey();
                finals[i++] = write.getValue();
            }
            return new Variant(
                    names,
                    values,
                    written,
                    finals,
                    inclusions.toArray(Inclusion[]::new),
                    problems.toArray(Problem[]::new),
                    height,
                    new java.util.IdentityHashMap<>(2));
        }
    }
}
