package dev.trestle.trace.strace;

/**
 * Reads what follows a call's closing parenthesis: {@code = result [ERRNO (text)] [(annotation)] [<duration>]}. Kept
 * as fields of one reused object because it runs once per line.
 */
final class ResultScanner {
    String result;
    String errno;
    String errnoText;
    long duration;

    /** Scans {@code b[p, end)}; returns null, or why the text is not a result. */
    String scan(char[] b, int p, int end) {
        result = null;
        errno = null;
        errnoText = null;
        duration = SyscallEvent.NO_DURATION;
        while (p < end && b[p] == ' ') {
            p++;
        }
        if (p + 1 >= end || b[p] != '=' || b[p + 1] != ' ') {
            return "no \"= result\" after the call";
        }
        int start = p + 2;
        int i = start;
        while (i < end && b[i] != ' ') {
            i = b[i] == '<' && i > start ? Syntax.afterDecoration(b, i, end) : i + 1;
        }
        if (i == start) {
            return "empty result";
        }
        int resultEnd = i;
        i = skipSpaces(b, i, end);
        if (i < end && b[i] == 'E') {
            int errnoEnd = i;
            while (errnoEnd < end && Syntax.isWordChar(b[errnoEnd])) {
                errnoEnd++;
            }
            errno = new String(b, i, errnoEnd - i);
            i = skipSpaces(b, errnoEnd, end);
            if (i < end && b[i] == '(') {
                int close = matching(b, i, end);
                errnoText = new String(b, i + 1, close - i - 1);
                i = skipSpaces(b, close + 1, end);
            }
        } else if (i < end && b[i] == '(') {
            // poll's "= 0 (Timeout)", fcntl's "= 0x1 (flags O_WRONLY)": part of the result.
            int close = matching(b, i, end);
            resultEnd = close + 1;
            i = skipSpaces(b, resultEnd, end);
        }
        result = new String(b, start, resultEnd - start);
        if (i < end && b[i] == '<') {
            int secondsEnd = Syntax.digitsEnd(b, i + 1, end);
            int fractionEnd = secondsEnd < end && b[secondsEnd] == '.' ? Syntax.digitsEnd(b, secondsEnd + 1, end) : -1;
            if (secondsEnd == i + 1 || fractionEnd < 0 || fractionEnd >= end || b[fractionEnd] != '>') {
                return "malformed <duration>";
            }
            duration = Syntax.micros(Syntax.decimal(b, i + 1, secondsEnd), b, secondsEnd + 1, fractionEnd);
            i = fractionEnd + 1;
        }
        return i == end ? null : "unexpected text after the result";
    }

    private static int skipSpaces(char[] b, int i, int end) {
        while (i < end && b[i] == ' ') {
            i++;
        }
        return i;
    }

    private static int matching(char[] b, int open, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            if (b[i] == '(') {
                depth++;
            } else if (b[i] == ')' && --depth == 0) {
                return i;
            }
        }
        return end - 1;
    }
}
