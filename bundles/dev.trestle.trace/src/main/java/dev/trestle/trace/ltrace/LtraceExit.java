package dev.trestle.trace.ltrace;

/**
 * {@code +++ exited (status 0) +++} or {@code +++ killed by SIGKILL +++}.
 *
 * @param status the exit status, or -1 when a signal killed the process
 * @param signal the killing signal, empty for a normal exit
 */
public record LtraceExit(long lineNumber, int pid, String timestamp, int status, String signal)
        implements LtraceEvent {}
