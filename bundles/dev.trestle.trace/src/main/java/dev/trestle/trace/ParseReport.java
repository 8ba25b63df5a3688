package dev.trestle.trace;

import java.util.List;

/**
 * What one parse saw. Only the first problems are kept so that a gigabyte of garbage costs no memory; {@link
 * #problemCount()} counts them all.
 */
public record ParseReport(long lines, long events, long problemCount, List<ParseProblem> firstProblems) {
    public ParseReport {
        if (lines < 0 || events < 0 || problemCount < firstProblems.size()) {
            throw new IllegalArgumentException("inconsistent counts: lines " + lines + ", events " + events
                    + ", problems " + problemCount + " < kept " + firstProblems.size());
        }
        firstProblems = List.copyOf(firstProblems);
    }

    public List<Long> firstProblemLines() {
        return firstProblems.stream().map(ParseProblem::lineNumber).toList();
    }

    /** True when the input did not look like this format at all: problems, but not one event. */
    public boolean notATrace() {
        return events == 0 && problemCount > 0;
    }
}
