package dev.trestle.trace.ltrace;

/**
 * A library call, or with {@code -S} a system call ({@code SYS_write}). An {@code <unfinished ...>} call and its
 * {@code <... resumed>} line are joined into one event with the arguments of both.
 *
 * @param pid 0 when the log has no pids (no {@code -f})
 * @param timestamp as printed by {@code -t}, {@code -tt}, {@code -ttt} or {@code -r}; empty without them
 * @param instructionPointer the {@code -i} address of the call site, -1 without {@code -i}
 * @param result as printed ({@code 3}, {@code 0x55ce526c62b0}, {@code <void>}); empty when the call never returned
 * @param returned false for {@code <no return ...>} calls such as {@code _exit} that the log never saw resume
 * @param durationMicros the {@code -T} time spent in the call, -1 without {@code -T}
 */
public record LtraceCall(
        long lineNumber,
        int pid,
        String timestamp,
        long instructionPointer,
        String function,
        String arguments,
        String result,
        boolean returned,
        long durationMicros)
        implements LtraceEvent {
    public boolean syscall() {
        return function.startsWith("SYS_");
    }
}
