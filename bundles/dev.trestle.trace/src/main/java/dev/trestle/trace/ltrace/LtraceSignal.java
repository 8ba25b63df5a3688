package dev.trestle.trace.ltrace;

/** {@code --- SIGCHLD (Child exited) ---}: a signal delivered to the traced process. */
public record LtraceSignal(long lineNumber, int pid, String timestamp, String signal, String description)
        implements LtraceEvent {}
