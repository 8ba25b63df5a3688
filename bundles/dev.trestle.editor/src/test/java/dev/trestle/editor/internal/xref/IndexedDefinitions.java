package dev.trestle.editor.internal.xref;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.editor.xref.Occurrence;
import dev.trestle.editor.xref.SymbolIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** What the comparisons with other indexers share: the lua5.4 tree, and our index's files and definitions. */
record IndexedDefinitions(Path root, List<String> files, Set<String> definitions) {
    /** The unpacked lua5.4 sources the tests fetch into the cache, or null when there are none. */
    static Path lua54() throws IOException {
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "trestle-test", "lua5.4");
        if (!Files.isDirectory(cache)) {
            return null;
        }
        try (Stream<Path> dirs = Files.list(cache)) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("src/lua.h")))
                    .findFirst()
                    .orElse(null);
        }
    }

    /** Indexes {@code root}; definitions as "file:line name", files relative to the root. */
    static IndexedDefinitions of(Path root) throws IOException {
        SymbolIndex index = new SymbolIndexImpl(root);
        assertEquals(List.of(), index.refresh().failures());
        List<String> files = index.files().stream()
                .map(file -> root.relativize(file).toString())
                .toList();
        Set<String> definitions = new HashSet<>();
        for (Path file : index.files()) {
            for (Occurrence definition : index.symbols(file)) {
                definitions.add(root.relativize(file) + ":" + definition.line() + " " + definition.symbol());
            }
        }
        return new IndexedDefinitions(root, files, definitions);
    }
}
