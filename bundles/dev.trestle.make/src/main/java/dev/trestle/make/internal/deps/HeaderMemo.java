package dev.trestle.make.internal.deps;

import dev.trestle.make.deps.Inclusion;
import dev.trestle.make.deps.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What entering a header did, remembered across the units of one scan: the macros it looked at (with the values it
 * saw) and, in order, what it changed, included and reported. A unit that enters the same header, found in the
 * same place, with the same values for exactly those macros, would do exactly the same, so it replays the record
 * instead of evaluating the header's directives again. This is what makes the cost of a unit close to the cost of
 * the few headers that differ from the units before it, as most units of a project include the same headers.
 *
 * <p>Values are compared by identity: a macro is parsed once per file read ({@link Step}), so the same definition
 * reached in two units is the same object. A record is not kept when the header's subtree touched
 * {@code #pragma once}, {@code #import} or the unit's "already entered" short cut, whose answers depend on the
 * unit's history rather than on macros.
 */
final class HeaderMemo {
    /** Keeps a header from filling memory with variants when it is entered under many different macro sets. */
    private static final int MAX_VARIANTS = 16;

    record Key(Path file, int foundAt, boolean uncertain) {}

    /** One thing a header did; {@link Enter} nests what an included header did. */
    sealed interface Effect permits Put, Include, Report, Enter {}

    record Put(String name, Macro value) implements Effect {}

    record Include(Inclusion inclusion) implements Effect {}

    record Report(Problem problem) implements Effect {}

    record Enter(Key key, List<Effect> effects) implements Effect {}

    /** @param values the raw table values seen ({@code null} for a name never mentioned) */
    record Variant(String[] names, Macro[] values, List<Effect> effects, Set<Path> files, int height) {}

    private final Map<Key, List<Variant>> variants = new ConcurrentHashMap<>();

    /** A variant recorded under the table's current values, or {@code null}. */
    Variant find(Key key, MacroTable macros) {
        List<Variant> known = variants.get(key);
        if (known == null) {
            return null;
        }
        for (Variant v : known) {
            if (macros.matches(v.names, v.values)) {
                return v;
            }
        }
        return null;
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
        final List<Effect> effects = new ArrayList<>();
        final Set<Path> files = new HashSet<>();
        int height;
        boolean keep = true;

        Recorder(Key key, int startedAt) {
            this.key = key;
            this.startedAt = startedAt;
            files.add(key.file());
        }

        /** A read of a name the header has not written yet: what the header's outcome depends on. */
        void read(String name, Macro value, int lastWrite) {
            if (lastWrite <= startedAt) {
                reads.putIfAbsent(name, new Read(value, lastWrite));
            }
        }

        /** What an included header (recorded or replayed) did becomes part of what this one did. */
        void absorb(Recorder child) {
            child.reads.forEach((name, read) -> read(name, read.value(), read.lastWrite()));
            enter(child.key, child.effects, child.files, child.height);
        }

        /** An included header's effects, files and height; its reads are the caller's business. */
        void enter(Key child, List<Effect> childEffects, Set<Path> childFiles, int h) {
            effects.add(new Enter(child, childEffects));
            files.addAll(childFiles);
            height = Math.max(height, h + 1);
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
            return new Variant(names, values, List.copyOf(effects), Set.copyOf(files), height);
        }
    }
}
