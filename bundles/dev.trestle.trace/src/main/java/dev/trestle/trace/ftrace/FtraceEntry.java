package dev.trestle.trace.ftrace;

/** A trace event ({@code sched_switch: prev_comm=bash ...}) as written by the nop tracer or {@code trace-cmd report}. */
public record FtraceEntry(long lineNumber, Origin origin, String event, String details) implements FtraceEvent {}
