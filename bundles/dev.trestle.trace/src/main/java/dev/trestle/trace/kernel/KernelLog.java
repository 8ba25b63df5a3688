package dev.trestle.trace.kernel;

import java.util.List;

/**
 * What {@link KernelLogParser} found.
 *
 * @param incidents in log order
 * @param problems lines inside incidents that could not be placed
 * @param lines lines read
 * @param otherLines non-blank lines outside any incident (ordinary kernel messages, or garbage)
 */
public record KernelLog(List<Incident> incidents, List<Problem> problems, int lines, int otherLines) {
    public KernelLog {
        incidents = List.copyOf(incidents);
        problems = List.copyOf(problems);
    }
}
