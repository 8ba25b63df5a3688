package dev.trestle.trace.audit;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * One translation unit as the log shows it compiled.
 *
 * @param unit the source file, absolute and normalised
 * @param pids the compiler processes that read it (more than one when the unit was compiled twice)
 * @param opened every other file those processes opened for reading, successfully, below the project root, in the
 *     order first opened
 */
public record CompiledUnit(Path unit, List<Integer> pids, Set<Path> opened) {
    public CompiledUnit {
        pids = List.copyOf(pids);
        opened = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(opened));
    }
}
