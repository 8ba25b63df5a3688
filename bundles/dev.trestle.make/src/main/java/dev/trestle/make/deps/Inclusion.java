package dev.trestle.make.deps;

import java.nio.file.Path;

/**
 * One include directive that the scan followed.
 *
 * @param includer the file containing the directive
 * @param line its line (1-based, the line where the directive starts); 0 for a file the command line includes
 *     ({@code -include})
 * @param spelling the name as written (after macro expansion for a computed include)
 * @param system true for the {@code <...>} form
 * @param resolved where it was found; {@code null} when no directory has it
 * @param certain false when the directive sits in a branch the scanner could not decide
 */
public record Inclusion(Path includer, int line, String spelling, boolean system, Path resolved, boolean certain) {
    /**
     * From the includer, the line and where it was found, which tell inclusions apart in practice ({@link #equals}
     * compares every component): a scan keeps hundreds of thousands of them in hash sets, and a path keeps its hash.
     */
    @Override
    public int hashCode() {
        return (includer.hashCode() * 31 + line) * 31 + (resolved == null ? 0 : resolved.hashCode());
    }
}
