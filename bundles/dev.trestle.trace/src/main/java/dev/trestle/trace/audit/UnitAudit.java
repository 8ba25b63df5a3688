package dev.trestle.trace.audit;

import java.util.List;

/** One compiled unit and how each declaration of its dependencies compares with what its compiler opened. */
public record UnitAudit(CompiledUnit compiled, List<Comparison> comparisons) {
    public UnitAudit {
        comparisons = List.copyOf(comparisons);
    }

    public boolean hasMissing() {
        return comparisons.stream().anyMatch(c -> !c.missing().isEmpty());
    }
}
