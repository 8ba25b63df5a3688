package dev.trestle.make.internal.deps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The directives of every file read so far, kept while the file's size and modification time stay the same, so a
 * rescan after an edit reads only what changed. Safe for the parallel scan: two threads may read the same new file
 * once each, which costs time but not correctness.
 */
final class DirectiveCache {
    private record Entry(long size, long modified, List<Directive> directives) {}

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Path, Boolean> existing = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();

    List<Directive> directives(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long modified = attributes.lastModifiedTime().toMillis();
        Entry entry = entries.get(file);
        if (entry != null && entry.size == attributes.size() && entry.modified == modified) {
            return entry.directives;
        }
        reads.incrementAndGet();
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        List<Directive> directives = List.copyOf(DirectiveReader.read(text));
        entries.put(file, new Entry(attributes.size(), modified, directives));
        return directives;
    }

    /**
     * Whether a regular file exists. Remembered only for the duration of one {@link #beginScan} to {@link
     * #beginScan}, because a header created between two scans must be found by the second.
     */
    boolean isFile(Path candidate) {
        return existing.computeIfAbsent(candidate, Files::isRegularFile);
    }

    void beginScan() {
        existing.clear();
    }

    /** How many files have been read from disk, for tests of the cache. */
    long reads() {
        return reads.get();
    }
}
