package dev.trestle.trace.strace;

import java.util.List;

/**
 * {@code +++ exited with 3 +++} or {@code +++ killed by SIGKILL +++} (optionally {@code (core dumped)}).
 *
 * @param status the exit status, or {@code -1} when the process was killed
 * @param signal the signal that killed the process, or {@code null} when it exited
 * @param stack the {@code -k} frames of the last call ({@code exit_group}), which strace prints after this line
 */
public record ExitEvent(
        int pid,
        long timestampMicros,
        int status,
        String signal,
        boolean coreDumped,
        long lineNumber,
        List<String> stack)
        implements StraceEvent {
    public ExitEvent {
        stack = List.copyOf(stack);
    }

    @Override
    public ExitEvent withStack(List<String> frames) {
        return new ExitEvent(pid, timestampMicros, status, signal, coreDumped, lineNumber, frames);
    }

    public boolean killed() {
        return signal != null;
    }
}
