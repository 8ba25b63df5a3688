package dev.trestle.trace.ftrace;

/**
 * A header that says what produced the trace: {@code # tracer: function} gives {@code tracer=function}, {@code
 * trace-cmd report}'s {@code cpus=2} gives {@code cpus=2}.
 */
public record FtraceHeader(long lineNumber, String key, String value) implements FtraceEvent {}
