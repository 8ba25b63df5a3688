package dev.trestle.trace.strace;

import java.util.List;

/** The {@code --- signal ---} and {@code +++ exit +++} lines, which are rare enough to parse with plain String methods. */
final class Notices {
    private Notices() {}

    static SignalEvent signal(int pid, long timestamp, String text, long line) {
        if (text.startsWith("stopped by ")) {
            return new SignalEvent(
                    pid, timestamp, text.substring("stopped by ".length()).strip(), "stopped", line, List.of());
        }
        int space = text.indexOf(' ');
        return space < 0
                ? new SignalEvent(pid, timestamp, text, "", line, List.of())
                : new SignalEvent(
                        pid,
                        timestamp,
                        text.substring(0, space),
                        text.substring(space + 1).strip(),
                        line,
                        List.of());
    }

    /** {@code exited with N}, {@code killed by SIG [(core dumped)]}; null for anything else. */
    static ExitEvent exit(int pid, long timestamp, String text, long line) {
        if (text.startsWith("exited with ")) {
            try {
                return new ExitEvent(
                        pid, timestamp, Integer.parseInt(text.substring(12).strip()), null, false, line, List.of());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (text.startsWith("killed by ")) {
            String rest = text.substring(10).strip();
            boolean core = rest.endsWith("(core dumped)");
            String signal = core
                    ? rest.substring(0, rest.length() - "(core dumped)".length())
                            .strip()
                    : rest;
            return signal.isEmpty() || signal.indexOf(' ') >= 0
                    ? null
                    : new ExitEvent(pid, timestamp, -1, signal, core, line, List.of());
        }
        return null;
    }
}
