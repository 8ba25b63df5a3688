package dev.trestle.trace.ftrace;

/**
 * Where and when a {@code trace}-format line happened: {@code bash-1234  [001] d..2. 12345.678901:}.
 *
 * @param task the command name, which may contain spaces and dashes ({@code <idle>}, {@code Web Content})
 * @param flags the latency columns ({@code d..2.}: irqs-off, need-resched, hardirq/softirq, preempt depth,
 *     migrate-disable); empty in {@code trace-cmd report} output, which leaves them out by default
 */
public record Origin(String task, int pid, int cpu, String flags, long timestampNanos) {}
