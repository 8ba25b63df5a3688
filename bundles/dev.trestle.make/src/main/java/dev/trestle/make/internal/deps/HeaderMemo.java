package dev.trestle.make.internal.deps;

import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
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
 * <p>A record covers the header's whole subtree: every change to the table, and the inclusions and problems, in the
 * order they were met; it is a range of its unit's {@link RecordLog}, so records of nested headers share it. A
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
     * What entering a header did: ranges of the {@link RecordLog} of the unit that recorded it. The reads it
     * depends on (names read before the header wrote them, with their raw table values then; {@code null} for a
     * name never mentioned) are picked out of its range when it is first matched; its writes are every change in
     * order, so applying it leaves each name as the header left it.
     */
    static final class Variant {
        private final String[] readNames;
        private final Macro[] readValues;
        private final int[] readWrites;
        private final int readFrom;
        private final int readTo;
        /** The table's write count when the header was entered: a name last written later was its own doing. */
        private final int startedAt;

        private final String[] writeNames;
        private final Macro[] writeValues;
        private final int writeFrom;
        private final int writeTo;
        private final Inclusion[] inclusions;
        private final int inclusionFrom;
        private final int inclusionTo;
        private final Problem[] problems;
        private final int problemFrom;
        private final int problemTo;
        /** How deep the includes below the header went. */
        final int height;

        private volatile Reads reads;
        /** The tables {@link #baseAfter} made, by the table they were made from (compared by identity). */
        private final Map<Map<String, Macro>, HashMap<String, Macro>> bases = new IdentityHashMap<>(2);

        private record Reads(String[] names, Macro[] values) {}

        Variant(RecordLog log, Recorder recorder) {
            readNames = log.readNames;
            readValues = log.readValues;
            readWrites = log.readWrites;
            readFrom = recorder.readFrom;
            readTo = log.reads;
            startedAt = recorder.startedAt;
            writeNames = log.writeNames;
            writeValues = log.writeValues;
            writeFrom = recorder.writeFrom;
            writeTo = log.writes;
            inclusions = log.inclusions;
            inclusionFrom = recorder.inclusionFrom;
            inclusionTo = log.includes;
            problems = log.problems;
            problemFrom = recorder.problemFrom;
            problemTo = log.reports;
            height = recorder.height;
        }

        /** The names the header's outcome depends on, each once. */
        String[] names() {
            return reads().names;
        }

        /** Their values when the header was entered, in the order of {@link #names()}. */
        Macro[] values() {
            return reads().values;
        }

        private Reads reads() {
            Reads known = reads;
            if (known == null) {
                String[] names = new String[readTo - readFrom];
                Macro[] values = new Macro[readTo - readFrom];
                int n = 0;
                for (int i = readFrom; i < readTo; i++) {
                    // read before the header changed it: every such read of a name saw the same value, so a
                    // name read again (next to its first read, mostly) is left out where that is cheap to see
                    if (readWrites[i] <= startedAt && (n == 0 || names[n - 1] != readNames[i])) {
                        names[n] = readNames[i];
                        values[n++] = readValues[i];
                    }
                }
                known = new Reads(Arrays.copyOf(names, n), Arrays.copyOf(values, n));
                reads = known;
            }
            return known;
        }

        int writeCount() {
            return writeTo - writeFrom;
        }

        String writeName(int i) {
            return writeNames[writeFrom + i];
        }

        Macro writeValue(int i) {
            return writeValues[writeFrom + i];
        }

        void inclusionsTo(java.util.function.Consumer<Inclusion> into) {
            for (int i = inclusionFrom; i < inclusionTo; i++) {
                into.accept(inclusions[i]);
            }
        }

        void problemsTo(java.util.function.Consumer<Problem> into) {
            for (int i = problemFrom; i < problemTo; i++) {
                into.accept(problems[i]);
            }
        }

        /** A base table with this record applied, made once per base. */
        HashMap<String, Macro> baseAfter(HashMap<String, Macro> before) {
            synchronized (bases) {
                return bases.computeIfAbsent(before, b -> {
                    HashMap<String, Macro> after = new HashMap<>((before.size() + writeCount()) * 4 / 3 + 1);
                    after.putAll(before);
                    for (int i = writeFrom; i < writeTo; i++) {
                        after.put(writeNames[i], writeValues[i]);
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
            if (macros.matches(v.names(), v.values())) {
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

    /** Where one header's record starts in its unit's {@link RecordLog}, while the unit evaluates it. */
    static final class Recorder {
        final Key key;
        /** The table's write count when the header was entered: later writes are the header's own. */
        final int startedAt;

        final int readFrom;
        final int writeFrom;
        final int inclusionFrom;
        final int problemFrom;
        int height;
        boolean keep = true;

        Recorder(Key key, int startedAt, RecordLog log) {
            this.key = key;
            this.startedAt = startedAt;
            readFrom = log.reads;
            writeFrom = log.writes;
            inclusionFrom = log.includes;
            problemFrom = log.reports;
        }

        /** An included header, recorded or applied, that went {@code childHeight} deep. */
        void entered(int childHeight) {
            height = Math.max(height, childHeight + 1);
        }
    }
}
