package dev.trestle.trace.dtrace;

/**
 * A probe firing as dtrace prints it under its {@code CPU     ID                    FUNCTION:NAME} header: {@code  0
 * 12345                      open:entry /etc/passwd}.
 *
 * @param function empty for probes without one ({@code :tick-1s})
 * @param data what the probe's action traced, empty if nothing
 */
public record DtraceProbe(long lineNumber, int cpu, long id, String function, String name, String data)
        implements DtraceEvent {}
