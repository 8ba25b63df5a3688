package dev.trestle.trace.audit;

import java.nio.file.Path;

/**
 * The quick fix of a missing dependency: the compiler found {@code header} through a directory the build description
 * does not list (a hand-written {@code -I} flag, say), so the scanner could not see it and the makefile does not
 * declare it. Adding {@code includeDir} to {@code target}'s include paths and generating again declares it.
 *
 * @param unit the translation unit that opened the header
 * @param header the header, absolute
 * @param spelling how the unit's {@code #include} names it
 * @param target the description's target that compiles the unit
 * @param includeDir the directory to add, project-relative ({@code .} for the root)
 */
public record IncludeFix(Path unit, Path header, String spelling, String target, String includeDir) {
    /** One line for a person. */
    public String describe(Path root) {
        return "fix: add '" + includeDir + "' to the include paths of target " + target + " (it holds "
                + root.relativize(header) + ", which " + root.relativize(unit) + " includes as \"" + spelling
                + "\"), then make generate";
    }
}
