package dev.trestle.trace.ftrace;

/** {@code CPU:2 [LOST 1234 EVENTS]}: the ring buffer overflowed, so the trace has a gap here. */
public record FtraceLost(long lineNumber, int cpu, long events) implements FtraceEvent {}
