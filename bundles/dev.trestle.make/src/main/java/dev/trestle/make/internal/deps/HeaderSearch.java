package dev.trestle.make.internal.deps;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * gcc's lookup of one header name along a search chain (see {@link dev.trestle.make.deps.SearchPath}). One search
 * serves every unit of a scan that shares the chain, and remembers its answers for that scan: the units of a
 * project ask for the same few hundred names thousands of times.
 */
final class HeaderSearch {
    /** @param index the position in the chain where it was found; -1 for the includer's directory */
    record Found(Path path, int index) {}

    /** A lookup; {@code includerDir} is null where it cannot matter (brackets, {@code #include_next}). */
    private record Query(String name, boolean angled, Path includerDir, int nextAfter) {}

    private final List<Path> chain;
    private final int bracketStart;
    private final DirectiveCache files;
    private final Map<Query, Optional<Found>> answers = new ConcurrentHashMap<>();

    HeaderSearch(List<Path> chain, int bracketStart, DirectiveCache files) {
        this.chain = chain;
        this.bracketStart = bracketStart;
        this.files = files;
    }

    /**
     * @param nextAfter for {@code #include_next}, the chain index where the including file was found (search
     *     continues after it); {@link Integer#MIN_VALUE} for a plain include. An including file that was not found
     *     along the chain (the unit itself, or a header next to its includer) makes it a plain include, as in gcc.
     */
    Found find(String name, boolean angled, Path includerDir, int nextAfter) {
        if (name.isEmpty()) {
            return null;
        }
        int next = nextAfter >= 0 ? nextAfter : Integer.MIN_VALUE;
        Query query = new Query(name, angled, !angled && next < 0 ? includerDir : null, next);
        Optional<Found> answer = answers.get(query);
        if (answer == null) {
            answer = Optional.ofNullable(lookUp(name, angled, includerDir, next));
            answers.put(query, answer);
        }
        return answer.orElse(null);
    }

    private Found lookUp(String name, boolean angled, Path includerDir, int nextAfter) {
        Path asGiven = Path.of(name);
        if (asGiven.isAbsolute()) {
            return files.isFile(asGiven) ? new Found(asGiven.normalize(), -1) : null;
        }
        int start;
        if (nextAfter >= 0) {
            start = nextAfter + 1;
        } else {
            if (!angled) {
                Path local = includerDir.resolve(name).normalize();
                if (files.isFile(local)) {
                    return new Found(local, -1);
                }
            }
            start = angled ? bracketStart : 0;
        }
        for (int i = start; i < chain.size(); i++) {
            Path candidate = chain.get(i).resolve(name).normalize();
            if (files.isFile(candidate)) {
                return new Found(candidate, i);
            }
        }
        return null;
    }
}
