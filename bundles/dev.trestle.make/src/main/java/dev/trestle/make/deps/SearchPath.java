package dev.trestle.make.deps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories searched for headers, in gcc's order. A {@code "quoted"} name is looked up first in the directory
 * of the file that includes it, then {@link #quote}, then the bracket chain; an {@code <angled>} name only in the
 * bracket chain: {@link #include} ({@code -I}), {@link #system} ({@code -isystem}), {@link #builtin} (the
 * compiler's own directories).
 */
public record SearchPath(List<Path> quote, List<Path> include, List<Path> system, List<Path> builtin) {
    public SearchPath {
        quote = List.copyOf(quote);
        include = List.copyOf(include);
        system = List.copyOf(system);
        builtin = List.copyOf(builtin);
    }

    /** Only {@code -I} directories: no compiler directories, so system headers are not followed. */
    public static SearchPath of(List<Path> include) {
        return new SearchPath(List.of(), include, List.of(), List.of());
    }

    public SearchPath withBuiltin(List<Path> compilerDirectories) {
        return new SearchPath(quote, include, system, compilerDirectories);
    }

    /**
     * The whole chain, quote directories first: {@code #include_next} continues from the directory after the one
     * where the current file was found. Like gcc, a {@code -I} or {@code -isystem} directory that is also a
     * compiler directory is dropped, so it keeps its place (and system status) in the compiler's list.
     */
    public List<Path> chain() {
        List<Path> chain = new ArrayList<>(quote);
        for (Path dir : include) {
            if (!builtin.contains(dir) && !system.contains(dir)) {
                chain.add(dir);
            }
        }
        for (Path dir : system) {
            if (!builtin.contains(dir)) {
                chain.add(dir);
            }
        }
        chain.addAll(builtin);
        return chain;
    }

    /** Index in {@link #chain()} where angled lookups start. */
    public int bracketStart() {
        return quote.size();
    }

    /** Index in {@link #chain()} from which directories hold system headers. */
    public int systemStart() {
        int start = quote.size();
        for (Path dir : include) {
            if (!builtin.contains(dir) && !system.contains(dir)) {
                start++;
            }
        }
        return start;
    }
}
