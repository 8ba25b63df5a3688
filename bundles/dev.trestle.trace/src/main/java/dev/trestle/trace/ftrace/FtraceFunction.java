package dev.trestle.trace.ftrace;

/** A function tracer line: {@code function <-parent} (or {@code function <-- parent} in {@code trace-cmd report}). */
public record FtraceFunction(long lineNumber, Origin origin, String function, String parent) implements FtraceEvent {}
