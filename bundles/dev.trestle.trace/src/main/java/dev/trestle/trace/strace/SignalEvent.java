package dev.trestle.trace.strace;

import java.util.List;

/**
 * {@code --- SIGCHLD {si_signo=SIGCHLD, ...} ---}: a signal delivered to {@code pid}, or a stop
 * ({@code --- stopped by SIGSTOP ---}, where {@code signal} is {@code SIGSTOP} and {@code details} is
 * {@code "stopped"}).
 *
 * @param stack the {@code -k} frames where the signal arrived
 * @param details the text after the signal name, e.g. the {@code siginfo} struct; empty when there is none
 */
public record SignalEvent(
        int pid, long timestampMicros, String signal, String details, long lineNumber, List<String> stack)
        implements StraceEvent {
    public SignalEvent {
        stack = List.copyOf(stack);
    }

    @Override
    public SignalEvent withStack(List<String> frames) {
        return new SignalEvent(pid, timestampMicros, signal, details, lineNumber, frames);
    }
}
