package dev.trestle.trace.kernel;

import java.util.OptionalInt;

/**
 * The task the incident happened in, from {@code Pid: 2350, comm: insmod Tainted: P O 3.3.1 #1} (older kernels),
 * {@code CPU: 0 PID: 1 Comm: swapper/0 Tainted: G W 6.1.0 #1} (newer) or {@code Process insmod (pid: 2350, ...)}.
 *
 * @param cpu empty in the older form
 * @param kernelRelease e.g. {@code 3.3.1-3.fc17.x86_64}; empty if the line did not carry it
 * @param build the rest of the line, e.g. {@code #1}
 */
public record Task(OptionalInt cpu, int pid, String comm, Taint taint, String kernelRelease, String build) {}
