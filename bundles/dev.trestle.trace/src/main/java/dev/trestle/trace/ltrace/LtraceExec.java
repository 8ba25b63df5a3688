package dev.trestle.trace.ltrace;

/** {@code --- Called exec() ---}: the process replaced its image; later calls belong to the new program. */
public record LtraceExec(long lineNumber, int pid, String timestamp) implements LtraceEvent {}
