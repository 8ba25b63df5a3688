package dev.trestle.trace.ftrace;

import java.util.List;

/**
 * A {@code <stack trace>} (or {@code <user stack trace>}) event with the {@code  => frame} lines that follow it,
 * innermost frame first. Reported when the first line after the frames arrives.
 */
public record FtraceStack(long lineNumber, Origin origin, boolean user, List<String> frames) implements FtraceEvent {
    public FtraceStack {
        frames = List.copyOf(frames);
    }
}
