package dev.trestle.trace.ltrace;

/**
 * One row of an {@code ltrace -c} table ({@code  39.23    0.001175        1175         1 usleep}). The {@code total}
 * row is not reported: it is the sum of the others.
 */
public record LtraceCount(
        long lineNumber, String function, long calls, long microseconds, long microsPerCall, double percent)
        implements LtraceEvent {}
