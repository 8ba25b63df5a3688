package dev.trestle.trace.strace;

import java.util.List;

/**
 * Parses one line: an optional pid ({@code 1234 } column of {@code -f -o}, or {@code [pid 1234] } when -f writes to
 * stderr), an optional timestamp, then a call, a resumed call, a signal, an exit or a {@code -k} frame.
 */
final class LineScanner {
    private static final String UNFINISHED = " <unfinished ...>";
    private static final String DETACHED = " <detached ...>";

    private final EventAssembler out;
    private final int defaultPid;
    private final Clock clock = new Clock();
    private final ResultScanner tail = new ResultScanner();

    LineScanner(EventAssembler out, int defaultPid) {
        this.out = out;
        this.defaultPid = defaultPid;
    }

    void line(char[] b, int from, int end, long line) {
        if (Syntax.startsWith(b, from, end, " > ")) {
            out.frame(new String(b, from + 3, end - from - 3), line, b, from, end);
            return;
        }
        int p = from;
        int pid = defaultPid;
        if (Syntax.startsWith(b, p, end, "[pid ")) {
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
            timestamp = clock.read(b, p, end);
            if (timestamp < 0 || clock.end >= end || b[clock.end] != ' ') {
                out.problem(line, "malformed timestamp", b, from, end);
                return;
            }
            p = clock.end + 1;
        }
        body(b, p, end, pid, timestamp, line, from);
    }

    private void body(char[] b, int p, int end, int pid, long timestamp, long line, int from) {
        if (Syntax.startsWith(b, p, end, "--- ") && Syntax.endsWith(b, p, end, " ---")) {
            out.event(Notices.signal(pid, timestamp, new String(b, p + 4, end - p - 8), line));
        } else if (Syntax.startsWith(b, p, end, "+++ ") && Syntax.endsWith(b, p, end, " +++")) {
            ExitEvent exit = Notices.exit(pid, timestamp, new String(b, p + 4, end - p - 8), line);
            if (exit == null) {
                out.problem(line, "unknown +++ notice", b, from, end);
            } else {
                out.event(exit);
            }
        } else if (Syntax.startsWith(b, p, end, "<... ")) {
            resumed(b, p + 5, end, pid, timestamp, line, from);
        } else {
            call(b, p, end, pid, timestamp, line, from);
        }
    }

    private void call(char[] b, int p, int end, int pid, long timestamp, long line, int from) {
        int open = p;
        while (open < end && Syntax.isWordChar(b[open])) {
            open++;
        }
        if (open == p || open >= end || b[open] != '(') {
            out.problem(line, "not a strace line", b, from, end);
            return;
        }
        String name = new String(b, p, open - p);
        if (Syntax.endsWith(b, open, end, UNFINISHED)) {
            out.unfinished(pid, timestamp, name, new String(b, open + 1, end - UNFINISHED.length() - open - 1), line);
        } else if (Syntax.endsWith(b, open, end, DETACHED)) {
            String arguments = new String(b, open + 1, end - DETACHED.length() - open - 1);
            out.call(new SyscallEvent(
                    pid, timestamp, name, arguments, null, null, null, SyscallEvent.NO_DURATION, line, List.of()));
        } else {
            int close = Syntax.closingParen(b, open + 1, end);
            SyscallEvent call = completed(b, open + 1, close, end, pid, timestamp, name, line, from);
            if (call != null) {
                out.call(call);
            }
        }
    }

    private void resumed(char[] b, int p, int end, int pid, long timestamp, long line, int from) {
        int nameEnd = p;
        while (nameEnd < end && Syntax.isWordChar(b[nameEnd])) {
            nameEnd++;
        }
        if (nameEnd == p || !Syntax.startsWith(b, nameEnd, end, " resumed>")) {
            out.problem(line, "malformed <... resumed> line", b, from, end);
            return;
        }
        int rest = nameEnd + " resumed>".length();
        int close = Syntax.closingParen(b, rest, end);
        SyscallEvent part = completed(b, rest, close, end, pid, timestamp, new String(b, p, nameEnd - p), line, from);
        if (part != null) {
            out.resumed(part);
        }
    }

    private SyscallEvent completed(
            char[] b, int args, int close, int end, int pid, long timestamp, String name, long line, int from) {
        if (close < 0) {
            out.problem(line, "no closing parenthesis: line cut short or program output spliced in", b, from, end);
            return null;
        }
        String problem = tail.scan(b, close + 1, end);
        if (problem != null) {
            out.problem(line, problem, b, from, end);
            return null;
        }
        return new SyscallEvent(
                pid,
                timestamp,
                name,
                new String(b, args, close - args),
                tail.result,
                tail.errno,
                tail.errnoText,
                tail.duration,
                line,
                List.of());
    }
}
