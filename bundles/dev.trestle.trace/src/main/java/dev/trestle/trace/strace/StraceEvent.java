package dev.trestle.trace.strace;

import java.util.List;

/**
 * One thing strace reported about one process. Events arrive in the order strace printed their last line, so a call
 * that was interrupted ({@code <unfinished ...>}) arrives when it completes, after calls that started later.
 */
public sealed interface StraceEvent permits SyscallEvent, SignalEvent, ExitEvent {
    /** {@link #timestampMicros()} of a log written without {@code -t}, {@code -tt}, {@code -ttt} or {@code -r}. */
    long NO_TIME = -1;

    /** The process (or thread) id; {@code 0} when the log does not say and the caller did not either. */
    int pid();

    /**
     * Microseconds: since the epoch ({@code -ttt}); since midnight of the first day, counting later days on
     * ({@code -t}, {@code -tt}); since the first line ({@code -r}); or {@link #NO_TIME}.
     */
    long timestampMicros();

    /** The 1-based line of the log this event starts on. */
    long lineNumber();

    /** The {@code -k} stack strace printed after this event's line, innermost frame first; empty without -k. */
    List<String> stack();

    /** This event with {@code frames} as its stack. */
    StraceEvent withStack(List<String> frames);
}
