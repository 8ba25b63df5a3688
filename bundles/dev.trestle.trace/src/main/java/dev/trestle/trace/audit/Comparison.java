package dev.trestle.trace.audit;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One unit's opened files against one declaration of its dependencies.
 *
 * @param source what declared them: a makefile's path or {@code scanner}
 * @param declared the dependencies declared (below the project root)
 * @param missing opened but not declared: a change to one of them does not rebuild the unit
 * @param extra declared but not opened (a scanner follows both sides of undecidable conditionals); informational
 */
public record Comparison(String source, Set<Path> declared, Set<Path> missing, Set<Path> extra) {
    public Comparison {
        declared = Collections.unmodifiableSet(new LinkedHashSet<>(declared));
        missing = Collections.unmodifiableSet(new LinkedHashSet<>(missing));
        extra = Collections.unmodifiableSet(new LinkedHashSet<>(extra));
    }

    /** @param outputs files the build writes; declaring them is normal ({@code .cmd} stamps), never extra */
    public static Comparison of(String source, Set<Path> opened, Set<Path> declared, Set<Path> outputs) {
        Set<Path> missing = new LinkedHashSet<>(opened);
        missing.removeAll(declared);
        Set<Path> extra = new LinkedHashSet<>(declared);
        extra.removeAll(opened);
        extra.removeAll(outputs);
        return new Comparison(source, declared, missing, extra);
    }
}
