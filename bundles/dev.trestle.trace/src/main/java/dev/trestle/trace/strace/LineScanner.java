package dev.trestle.trace.strace;

import java.nio.charset.StandardCharsets;

/**
 * Parses one line: an optional pid ({@code 1234 } column of {@code -f -o}, or {@code [pid 1234] } when -f writes to
 * stderr), an optional timestamp, then a call, a resumed call, a signal, an exit or a {@code -k} frame. Calls are
 * handed on as offsets into the line, so a consumer that needs no argument text (the summary) allocates nothing.
 */
final class LineScanner {
    /** Where the parts of a line go; the byte ranges are valid only during the call. */
    interface Parts {
        /** A complete call; {@code result} is null for a {@code <detached ...>} call, which has none. */
        void call(
                int pid, long timestamp, String name, byte[] b, int args, int argsEnd, ResultScanner result, long line);

        void unfinished(int pid, long timestamp, String name, byte[] b, int args, int argsEnd, long line);

        /** The second part of an unfinished call; {@code b[args, argsEnd)} is the rest of the arguments. */
        void resumed(
                int pid, long timestamp, String name, byte[] b, int args, int argsEnd, ResultScanner result, long line);

        /** A signal or an exit. */
        void event(StraceEvent event);

        /** A {@code -k} stack frame: the whole line, {@link #FRAME} included. */
        void frame(byte[] b, int from, int end, long line);

        void problem(long line, String reason, byte[] b, int from, int end);
    }

    static final byte[] FRAME = Syntax.ascii(" > ");
    private static final byte[] PID = Syntax.ascii("[pid ");
    private static final byte[] SIGNAL = Syntax.ascii("--- ");
    private static final byte[] SIGNAL_END = Syntax.ascii(" ---");
    private static final byte[] EXIT = Syntax.ascii("+++ ");
    private static final byte[] EXIT_END = Syntax.ascii(" +++");
    private static final byte[] RESUMED = Syntax.ascii("<... ");
    private static final byte[] RESUMED_END = Syntax.ascii(" resumed>");
    private static final byte[] UNFINISHED = Syntax.ascii(" <unfinished ...>");
    private static final byte[] DETACHED = Syntax.ascii(" <detached ...>");

    private final Parts out;
    private final int defaultPid;
    private final boolean times;
    private final Clock clock = new Clock();
    private final ResultScanner tail = new ResultScanner();
    private final Names names = new Names();

    /** @param times false when {@link Parts} ignores timestamps: they are then only checked. */
    LineScanner(Parts out, int defaultPid, boolean times) {
        this.out = out;
        this.defaultPid = defaultPid;
        this.times = times;
    }

    void line(byte[] b, int from, int end, long line) {
        if (Syntax.startsWith(b, from, end, FRAME)) {
            out.frame(b, from, end, line);
            return;
        }
        int p = from;
        int pid = defaultPid;
        if (Syntax.startsWith(b, p, end, PID)) {
            p += 5;
            while (p < end && b[p] == ' ') {
                p++;
            }
            int digits = Syntax.digitsEnd(b, p, end);
            if (digits == p || digits >= end || b[digits] != ']') {
                out.problem(line, "malformed [pid N] prefix", b, from, end);
                return;
            }
            pid = (int) Syntax.decimal(b, p, digits);
            p = digits + 1;
        } else if (p < end && Syntax.isDigit(b[p])) {
            int digits = Syntax.digitsEnd(b, p, end);
            if (digits < end && b[digits] == ' ') {
                pid = (int) Syntax.decimal(b, p, digits);
                p = digits;
            }
        }
        while (p < end && b[p] == ' ') {
            p++;
        }
        long timestamp = StraceEvent.NO_TIME;
        if (p < end && Syntax.isDigit(b[p])) {
            timestamp = times ? clock.read(b, p, end) : clock.skip(b, p, end);
            if (timestamp < 0 || clock.end >= end || b[clock.end] != ' ') {
                out.problem(line, "malformed timestamp", b, from, end);
                return;
            }
            p = clock.end + 1;
        }
        body(b, p, end, pid, timestamp, line, from);
    }

    private void body(byte[] b, int p, int end, int pid, long timestamp, long line, int from) {
        // "--- ---" would overlap its own markers: too short to be a notice.
        boolean notice = end - p >= 8;
        if (notice && Syntax.startsWith(b, p, end, SIGNAL) && Syntax.endsWith(b, p, end, SIGNAL_END)) {
            out.event(Notices.signal(pid, timestamp, text(b, p + 4, end - 4), line));
        } else if (notice && Syntax.startsWith(b, p, end, EXIT) && Syntax.endsWith(b, p, end, EXIT_END)) {
            ExitEvent exit = Notices.exit(pid, timestamp, text(b, p + 4, end - 4), line);
            if (exit == null) {
                out.problem(line, "unknown +++ notice", b, from, end);
            } else {
                out.event(exit);
            }
        } else if (Syntax.startsWith(b, p, end, RESUMED)) {
            resumed(b, p + 5, end, pid, timestamp, line, from);
        } else {
            call(b, p, end, pid, timestamp, line, from);
        }
    }

    private void call(byte[] b, int p, int end, int pid, long timestamp, long line, int from) {
        int open = p;
        while (open < end && Syntax.isWordChar(b[open])) {
            open++;
        }
        if (open == p || open >= end || b[open] != '(') {
            out.problem(line, "not a strace line", b, from, end);
            return;
        }
        String name = names.of(b, p, open);
        if (Syntax.endsWith(b, open, end, UNFINISHED)) {
            out.unfinished(pid, timestamp, name, b, open + 1, end - UNFINISHED.length, line);
        } else if (Syntax.endsWith(b, open, end, DETACHED)) {
            out.call(pid, timestamp, name, b, open + 1, end - DETACHED.length, null, line);
        } else {
            int close = Syntax.closingParen(b, open + 1, end);
            if (completed(b, close, end, line, from)) {
                out.call(pid, timestamp, name, b, open + 1, close, tail, line);
            }
        }
    }

    private void resumed(byte[] b, int p, int end, int pid, long timestamp, long line, int from) {
        int nameEnd = p;
        while (nameEnd < end && Syntax.isWordChar(b[nameEnd])) {
            nameEnd++;
        }
        if (nameEnd == p || !Syntax.startsWith(b, nameEnd, end, RESUMED_END)) {
            out.problem(line, "malformed <... resumed> line", b, from, end);
            return;
        }
        int rest = nameEnd + RESUMED_END.length;
        int close = Syntax.closingParen(b, rest, end);
        if (completed(b, close, end, line, from)) {
            out.resumed(pid, timestamp, names.of(b, p, nameEnd), b, rest, close, tail, line);
        }
    }

    /** Scans the result into {@link #tail}; false when the line has none (a problem, reported). */
    private boolean completed(byte[] b, int close, int end, long line, int from) {
        if (close < 0) {
            out.problem(line, "no closing parenthesis: line cut short or program output spliced in", b, from, end);
            return false;
        }
        String problem = tail.scan(b, close + 1, end);
        if (problem != null) {
            out.problem(line, problem, b, from, end);
            return false;
        }
        return true;
    }

    /** Decodes text strace may have copied from a program (argument strings): not always valid UTF-8. */
    static String text(byte[] b, int from, int end) {
        return new String(b, from, end - from, StandardCharsets.UTF_8);
    }
}
