package dev.trestle.make.internal.deps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The prepared directives ({@link Step}s) of every file read so far, kept while the file's size and modification
 * time stay the same, so a rescan after an edit reads only what changed. A file is checked against the disk once
 * per scan, not once per unit that includes it: within a scan every unit sees the same version of a header. Safe
 * for the parallel scan.
 */
final class DirectiveCache {
    private record Entry(long size, long modified, List<Step> steps, boolean pragmaOnce) {}

    private final Map<Path, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Path, Entry> checked = new ConcurrentHashMap<>();
    private final Map<Path, Boolean> existing = new ConcurrentHashMap<>();
    private final AtomicLong reads = new AtomicLong();

    List<Step> steps(Path file) throws IOException {
        return entry(file).steps;
    }

    /** Whether the file has a {@code #pragma once}, wherever it is: only such a file needs its mark looked up. */
    boolean pragmaOnce(Path file) throws IOException {
        return entry(file).pragmaOnce;
    }

    private Entry entry(Path file) throws IOException {
        Entry known = checked.get(file);
        if (known != null) {
            return known;
        }
        try {
            // one thread reads a file the others are waiting for; different files are read in parallel
            return checked.computeIfAbsent(file, f -> {
                try {
                    return current(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private Entry current(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        long modified = attributes.lastModifiedTime().toMillis();
        Entry entry = entries.get(file);
        if (entry == null || entry.size != attributes.size() || entry.modified != modified) {
            reads.incrementAndGet();
            List<Step> steps = Step.compile(DirectiveReader.read(Files.readAllBytes(file)));
            boolean once = steps.stream().anyMatch(s -> s.op() == Step.Op.PRAGMA_ONCE);
            entry = new Entry(attributes.size(), modified, steps, once);
            entries.put(file, entry);
        }
        return entry;
    }

    /**
     * Whether a regular file exists. Remembered only for the duration of one {@link #beginScan} to {@link
     * #beginScan}, because a header created between two scans must be found by the second.
     */
    boolean isFile(Path candidate) {
        return existing.computeIfAbsent(candidate, Files::isRegularFile);
    }

    /** Drops every prepared file, as if none had been read. */
    void forget() {
        entries.clear();
        beginScan();
    }

    void beginScan() {
        existing.clear();
        checked.clear();
    }

    /** How many files have been read from disk, for tests of the cache. */
    long reads() {
        return reads.get();
    }
}
