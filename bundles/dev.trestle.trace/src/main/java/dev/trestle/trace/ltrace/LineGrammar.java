package dev.trestle.trace.ltrace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape of one ltrace line: {@code [pid N] } or {@code N } (with {@code -o}), a timestamp, an {@code -i} address,
 * then a call, a resumption, a signal, an exit or an exec notice. Results are found by matching parentheses outside
 * string literals, because arguments such as {@code "a) = 1"} contain everything a regex would look for.
 */
final class LineGrammar {
    private static final Pattern PREFIX = Pattern.compile("(?:\\[pid (\\d+)\\] |(\\d+) )?\\s*"
            + "(?:(\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?|\\d+\\.\\d+) +)?(?:\\[(0x[0-9a-f]+|\\?+)\\] +)?");
    private static final Pattern SIGNAL = Pattern.compile("--- (\\w+) \\((.*)\\) ---");
    private static final Pattern EXITED = Pattern.compile("\\+\\+\\+ exited \\(status (\\d+)\\) \\+\\+\\+");
    private static final Pattern KILLED = Pattern.compile("\\+\\+\\+ killed by (\\w+) \\+\\+\\+");
    private static final Pattern RESUMED = Pattern.compile("<\\.\\.\\. (\\S+) resumed> ?(.*)");
    private static final Pattern CALL = Pattern.compile("([A-Za-z_.@][^\\s(]*)\\((.*)");
    private static final Pattern RESULT = Pattern.compile("\\s*= (.*?)(?: <(\\d+)\\.(\\d{6})>)?");
    private static final String UNFINISHED = " <unfinished ...>";
    private static final String NO_RETURN = " <no return ...>";

    /** The parts of a line before its body. */
    record Prefix(int pid, String timestamp, long instructionPointer, String body) {}

    /** A call's tail after its arguments; {@code args} is what precedes the closing parenthesis. */
    record Tail(String args, String result, long durationMicros) {}

    private LineGrammar() {}

    static Prefix prefix(String line) {
        Matcher m = PREFIX.matcher(line);
        m.lookingAt(); // every group is optional, so it always matches
        String pid = m.group(1) != null ? m.group(1) : m.group(2);
        String ip = m.group(4);
        return new Prefix(
                pid == null ? 0 : Integer.parseInt(pid),
                m.group(3) == null ? "" : m.group(3),
                ip == null || !ip.startsWith("0x") ? -1 : Long.parseUnsignedLong(ip.substring(2), 16),
                line.substring(m.end()).strip());
    }

    static Matcher signal(String body) {
        return SIGNAL.matcher(body);
    }

    static Matcher exited(String body) {
        return EXITED.matcher(body);
    }

    static Matcher killed(String body) {
        return KILLED.matcher(body);
    }

    static Matcher resumed(String body) {
        return RESUMED.matcher(body);
    }

    static Matcher call(String body) {
        return CALL.matcher(body);
    }

    /** The arguments of a call cut short by {@code <unfinished ...>} or {@code <no return ...>}, else null. */
    static String unfinishedArgs(String rest) {
        for (String marker : new String[] {UNFINISHED, NO_RETURN}) {
            if (rest.endsWith(marker)) {
                return rest.substring(0, rest.length() - marker.length());
            }
        }
        return null;
    }

    /** Splits {@code args) = result <0.000100>}; null when the text has no such tail. */
    static Tail tail(String rest) {
        int close = closingParen(rest);
        if (close < 0) {
            return null;
        }
        Matcher m = RESULT.matcher(rest.substring(close + 1));
        if (!m.matches() || m.group(1).isEmpty()) {
            return null;
        }
        long micros = m.group(2) == null ? -1 : Long.parseLong(m.group(2)) * 1_000_000 + Long.parseLong(m.group(3));
        return new Tail(rest.substring(0, close), m.group(1), micros);
    }

    /** The index of the parenthesis that closes the call whose "(" came before {@code s}, or -1. */
    private static int closingParen(String s) {
        int depth = 1;
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if ((c == ')' || c == ']' || c == '}') && --depth == 0) {
                return c == ')' ? i : -1;
            }
        }
        return -1;
    }
}
