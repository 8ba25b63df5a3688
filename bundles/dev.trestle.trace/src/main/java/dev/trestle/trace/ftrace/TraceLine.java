package dev.trestle.trace.ftrace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of the {@code trace} format: {@code TASK-PID (TGID) [CPU#] FLAGS TIMESTAMP: rest}. The task name is matched
 * lazily up to the last {@code -PID} before the CPU column, because names such as {@code gnome-shell} contain dashes.
 */
final class TraceLine {
    private static final Pattern LINE = Pattern.compile("\\s*(.+?)-(\\d+)\\s+(?:\\(\\s*(?:\\d+|-+)\\)\\s+)?"
            + "\\[(\\d+)\\]\\s+(?:([.a-zA-Z0-9]{4,6})\\s+)?(\\d+\\.\\d+):\\s?(.*)");
    private static final Pattern FUNCTION = Pattern.compile("(\\S+)\\s+<-{1,2}\\s*(\\S+)");
    private static final Pattern EVENT = Pattern.compile("([\\w.]+):\\s*(.*)");
    private static final Pattern LOST = Pattern.compile("CPU:(\\d+) \\[LOST (\\d+) EVENTS\\]");

    /** The {@code rest} of a matched line, with where it happened. */
    record Parts(Origin origin, String rest) {}

    private TraceLine() {}

    static Parts parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return null;
        }
        Origin origin = new Origin(
                m.group(1).strip(),
                Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)),
                m.group(4) == null ? "" : m.group(4),
                Numbers.scaled(m.group(5), 9));
        return new Parts(origin, m.group(6).strip());
    }

    static Matcher function(String rest) {
        return FUNCTION.matcher(rest);
    }

    static Matcher event(String rest) {
        return EVENT.matcher(rest);
    }

    static Matcher lost(String line) {
        return LOST.matcher(line.strip());
    }
}
