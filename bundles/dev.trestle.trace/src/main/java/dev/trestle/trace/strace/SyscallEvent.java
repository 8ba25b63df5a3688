package dev.trestle.trace.strace;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * One system call. A call strace printed in two parts ({@code <unfinished ...>} and {@code <... resumed>}) is one
 * event, with the start time and line of the first part and the result and duration of the second.
 *
 * <p>The argument helpers scan {@link #arguments()} on each call rather than at parse time, because most analyses need
 * them for a few calls only and parsing speed matters on gigabyte logs.
 *
 * @param arguments the argument text as strace printed it, without the enclosing parentheses
 * @param result the return value as printed, with any {@code -y} decoration or annotation ({@code 3</etc/passwd>},
 *     {@code 0x55d0c000}, {@code 0 (Timeout)}, {@code ?}), or {@code null} when strace printed none: the process
 *     exited inside the call or strace detached
 * @param errno e.g. {@code ENOENT} or {@code ERESTARTSYS}, or {@code null}
 * @param errnoText e.g. {@code No such file or directory}, or {@code null}
 * @param durationMicros the {@code -T} time spent in the call, or {@code -1}
 * @param stack the {@code -k} frames, innermost first, each as printed after {@code " > "}
 */
public record SyscallEvent(
        int pid,
        long timestampMicros,
        String name,
        String arguments,
        String result,
        String errno,
        String errnoText,
        long durationMicros,
        long lineNumber,
        List<String> stack)
        implements StraceEvent {
    public static final long NO_DURATION = -1;

    public SyscallEvent {
        stack = List.copyOf(stack);
    }

    /** The call returned an error, including the kernel-internal {@code ERESTART*} ones strace -c counts. */
    public boolean failed() {
        return errno != null;
    }

    @Override
    public SyscallEvent withStack(List<String> frames) {
        return new SyscallEvent(
                pid, timestampMicros, name, arguments, result, errno, errnoText, durationMicros, lineNumber, frames);
    }

    /** The call returned, so strace -c counts it: a result other than a bare {@code ?}. */
    public boolean returned() {
        return result != null && (errno != null || !result.equals("?"));
    }

    /** The arguments split at top-level commas; strings, structs, arrays and decorations stay whole. */
    public List<String> argumentList() {
        return Arguments.split(arguments);
    }

    /** The first string argument, unescaped (usually the path of {@code openat}, {@code stat}, {@code execve}). */
    public Optional<String> firstString() {
        return Arguments.firstString(arguments);
    }

    /** The first argument when it is a file descriptor number (with or without a {@code -y} decoration). */
    public OptionalInt fd() {
        return Arguments.leadingInt(Arguments.first(arguments));
    }

    /** The path strace printed after the first argument with {@code -y}, e.g. {@code /etc/passwd} of {@code 3</etc/passwd>}. */
    public Optional<String> fdPath() {
        return Arguments.decoration(Arguments.first(arguments));
    }

    /** The numeric return value, decimal or hex. */
    public OptionalLong resultValue() {
        return result == null ? OptionalLong.empty() : Arguments.leadingLong(result);
    }

    /** The {@code -y} decoration of the result, e.g. {@code /etc/passwd} of {@code 3</etc/passwd>}. */
    public Optional<String> resultPath() {
        return result == null ? Optional.empty() : Arguments.decoration(result);
    }
}
