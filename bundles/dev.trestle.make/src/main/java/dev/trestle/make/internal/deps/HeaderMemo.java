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
import java.util.function.Consumer;

/**
 * What entering a header did, remembered across the units of one scan: the macros it looked at (with the values it
 * saw), the values it left behind, and what it and the headers it reached included and reported. A unit that
 * enters the same header, found in the same place, with the same values for exactly those macros, would do exactly
 * the same, so it applies the record instead of evaluating the header's directives again. This is what makes the
 * cost of a unit close to the cost of the few headers that differ from the units before it, as most units of a
 * project include the same headers.
 *
 * <p>A record covers the header's whole subtree: every change to the table, and the inclusions and problems, in the
 * order they were met, copied out of its unit's {@link RecordLog} when the header ends. A
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
     * What entering a header did: the reads it depends on (names read before the header wrote them, with their
     * raw table values then; {@code null} for a name never mentioned), and every change it made, in order, so
     * applying it leaves each name as the header left it.
     */
    static final class Variant {
        private final String[] names;
        private final Macro[] values;
        private final String[] writeNames;
        private final Macro[] writeValues;
        private final Inclusion[] inclusions;
        private final Problem[] problems;
        /** How deep the includes below the header went. */
        final int height;

        /** The tables {@link #baseAfter} made, by the table they were made from (compared by identity). */
        private final Map<Map<String, Macro>, HashMap<String, Macro>> bases = new IdentityHashMap<>(2);

        /**
         * Copies the header's ranges out of the log, which is the unit's and is let go with it: a record kept for
         * the rest of the scan holds only what it needs.
         */
        Variant(RecordLog log, Recorder recorder) {
            String[] readNames = new String[log.reads - recorder.readFrom];
            Macro[] readValues = new Macro[readNames.length];
            int n = 0;
            for (int i = recorder.readFrom; i < log.reads; i++) {
                // read before the header changed it: every such read of a name saw the same value, so a name read
                // again next to its first read (as an expansion does) is left out
                if (log.readWrites[i] <= recorder.startedAt && (n == 0 || readNames[n - 1] != log.readNames[i])) {
                    readNames[n] = log.readNames[i];
                    readValues[n++] = log.readValues[i];
                }
            }
            names = Arrays.copyOf(readNames, n);
            values = Arrays.copyOf(readValues, n);
            writeNames = Arrays.copyOfRange(log.writeNames, recorder.writeFrom, log.writes);
            writeValues = Arrays.copyOfRange(log.writeValues, recorder.writeFrom, log.writes);
            inclusions = Arrays.copyOfRange(log.inclusions, recorder.inclusionFrom, log.includes);
            problems = Arrays.copyOfRange(log.problems, recorder.problemFrom, log.reports);
            height = recorder.height;
        }

        /** The names the header's outcome depends on: read before it wrote them. */
        String[] names() {
            return names;
        }

        /** Their values when the header was entered, in the order of {@link #names()}. */
        Macro[] values() {
            return values;
        }

        int writeCount() {
            return writeNames.length;
        }

        String writeName(int i) {
            return writeNames[i];
        }

        Macro writeValue(int i) {
            return writeValues[i];
        }

        void inclusionsTo(Consumer<Inclusion> into) {
            for (Inclusion inclusion : inclusions) {
                into.accept(inclusion);
            }
        }

        void problemsTo(Consumer<Problem> into) {
            for (Problem problem : problems) {
                into.accept(problem);
            }
        }

        /** A base table with this record applied, made once per base. */
        HashMap<String, Macro> baseAfter(HashMap<String, Macro> before) {
            synchronized (bases) {
                return bases.computeIfAbsent(before, b -> {
                    HashMap<String, Macro> after = new HashMap<>((before.size() + writeCount()) * 4 / 3 + 1);
                    after.putAll(before);
                    for (int i = 0; i < writeNames.length; i++) {
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

    /** Whether another variant of the header would be kept: making one costs a copy of its ranges. */
    boolean hasRoom(Key key) {
        List<Variant> known = variants.get(key);
        return known == null || known.size() < MAX_VARIANTS;
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
