package dev.trestle.editor.internal.xref;

import dev.trestle.editor.xref.Occurrence;
import dev.trestle.editor.xref.Refresh;
import dev.trestle.editor.xref.SymbolIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The index as an immutable snapshot replaced at the end of each refresh: queries never wait for one, and a failed
 * refresh leaves the previous answers in place.
 */
final class SymbolIndexImpl implements SymbolIndex {
    /** Occurrences of one file share its path object: comparing paths only across files keeps sorting cheap. */
    private static final Comparator<Occurrence> BY_POSITION = (a, b) -> {
        if (a.file() != b.file()) {
            int byFile = a.file().compareTo(b.file());
            if (byFile != 0) {
                return byFile;
            }
        }
        return a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column());
    };

    private record Entry(long size, FileTime modified, List<Occurrence> occurrences) {
        boolean matches(BasicFileAttributes attributes) {
            return size == attributes.size() && modified.equals(attributes.lastModifiedTime());
        }
    }

    /** Occurrences by symbol: built on the first query by name, as listing a file's symbols needs none of it. */
    private record BySymbol(Map<String, List<Occurrence>> definitions, Map<String, List<Occurrence>> references) {}

    /** The files as of one refresh, and (once asked for) their occurrences by symbol. */
    private static final class Snapshot {
        final Map<Path, Entry> files;
        private BySymbol bySymbol;

        Snapshot(Map<Path, Entry> files) {
            this.files = files;
        }

        synchronized BySymbol bySymbol() {
            if (bySymbol == null) {
                bySymbol = bySymbolOf(files);
            }
            return bySymbol;
        }
    }

    private final Path root;
    private volatile Snapshot snapshot = new Snapshot(Map.of());

    SymbolIndexImpl(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Path root() {
        return root;
    }

    @Override
    public synchronized Refresh refresh() throws IOException {
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<Path, BasicFileAttributes> onDisk = SourceFiles.under(root, failures);
        Map<Path, Entry> previous = snapshot.files;
        Map<Path, Entry> files = new ConcurrentHashMap<>();
        List<Path> changed = new ArrayList<>();
        onDisk.forEach((file, attributes) -> {
            Entry known = previous.get(file);
            if (known != null && known.matches(attributes)) {
                files.put(file, known);
            } else {
                changed.add(file);
            }
        });
        changed.parallelStream().forEach(file -> {
            BasicFileAttributes attributes = onDisk.get(file);
            try {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                files.put(file, new Entry(attributes.size(), attributes.lastModifiedTime(), CParser.parse(file, text)));
            } catch (IOException e) {
                failures.add(file + ": " + e.getMessage());
            }
        });
        int removed = (int) previous.keySet().stream()
                .filter(file -> !onDisk.containsKey(file))
                .count();
        snapshot = new Snapshot(Collections.unmodifiableMap(new TreeMap<>(files)));
        return new Refresh(onDisk.size(), changed.size(), removed, failures);
    }

    private static BySymbol bySymbolOf(Map<Path, Entry> files) {
        Map<String, List<Occurrence>> definitions = new HashMap<>();
        Map<String, List<Occurrence>> references = new HashMap<>();
        for (Entry entry : files.values()) {
            for (Occurrence occurrence : entry.occurrences()) {
                (occurrence.kind().isDefinition() ? definitions : references)
                        .computeIfAbsent(occurrence.symbol(), symbol -> new ArrayList<>())
                        .add(occurrence);
            }
        }
        definitions.values().forEach(list -> list.sort(BY_POSITION));
        references.values().forEach(list -> list.sort(BY_POSITION));
        return new BySymbol(definitions, references);
    }

    @Override
    public List<Occurrence> definitions(String symbol) {
        return List.copyOf(snapshot.bySymbol().definitions().getOrDefault(symbol, List.of()));
    }

    @Override
    public List<Occurrence> references(String symbol) {
        return List.copyOf(snapshot.bySymbol().references().getOrDefault(symbol, List.of()));
    }

    @Override
    public List<Occurrence> symbols(Path file) {
        Entry entry = snapshot.files.get(file.toAbsolutePath().normalize());
        if (entry == null) {
            return List.of();
        }
        return entry.occurrences().stream()
                .filter(occurrence -> occurrence.kind().isDefinition())
                .sorted(BY_POSITION)
                .toList();
    }

    @Override
    public List<Path> files() {
        return List.copyOf(snapshot.files.keySet());
    }
}
