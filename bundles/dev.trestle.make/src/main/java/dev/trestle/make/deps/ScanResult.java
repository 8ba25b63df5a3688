package dev.trestle.make.deps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one translation unit includes, directly or not.
 *
 * @param unit the translation unit
 * @param inclusions every directive followed, once each, in the order the scan first met them
 * @param problems what could not be followed
 */
public record ScanResult(Path unit, List<Inclusion> inclusions, List<Problem> problems) {
    public ScanResult {
        inclusions = List.copyOf(inclusions);
        problems = List.copyOf(problems);
    }

    /** Every header found, in first-met order, the unit itself excluded. */
    public Set<Path> closure() {
        Set<Path> closure = new LinkedHashSet<>();
        for (Inclusion inclusion : inclusions) {
            if (inclusion.resolved() != null && !inclusion.resolved().equals(unit)) {
                closure.add(inclusion.resolved());
            }
        }
        return closure;
    }

    /** The headers of {@link #closure()} below {@code root}: what a makefile lists as the unit's dependencies. */
    public Set<Path> closureUnder(Path root) {
        Set<Path> under = new LinkedHashSet<>();
        for (Path header : closure()) {
            if (header.startsWith(root)) {
                under.add(header);
            }
        }
        return under;
    }

    /** Why {@code header} is in the closure: the chain of directives from the unit to it, outermost first. */
    public List<Inclusion> why(Path header) {
        List<Inclusion> chain = new ArrayList<>();
        Path wanted = header;
        while (wanted != null && !wanted.equals(unit)) {
            Inclusion first = firstReaching(wanted);
            if (first == null || chain.contains(first)) {
                break;
            }
            chain.add(0, first);
            wanted = first.includer();
        }
        return chain;
    }

    private Inclusion firstReaching(Path header) {
        for (Inclusion inclusion : inclusions) {
            if (header.equals(inclusion.resolved())) {
                return inclusion;
            }
        }
        return null;
    }
}
