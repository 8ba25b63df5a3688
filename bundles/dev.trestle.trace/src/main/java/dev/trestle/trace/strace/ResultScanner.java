package dev.trestle.trace.strace;

/**
 * Reads what follows a call's closing parenthesis: {@code = result [ERRNO (text)] [(annotation)] [<duration>]}. Kept
 * as offsets into the line in one reused object, because it runs once per line and the summary needs no text of it.
 */
final class ResultScanner {
    static final int NONE = -1;

    int resultFrom;
    int resultEnd;
    /** {@link #NONE} when the call did not fail. */
    int errnoFrom = NONE;

    int errnoEnd;
    /** {@link #NONE} when no {@code (text)} follows the errno. */
    int errnoTextFrom = NONE;

    int errnoTextEnd;
    long duration;

    /** Scans {@code b[p, end)}; returns null, or why the text is not a result. */
    String scan(byte[] b, int p, int end) {
        errnoFrom = NONE;
        errnoTextFrom = NONE;
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
            this.errnoFrom = i;
            this.errnoEnd = errnoEnd;
            i = skipSpaces(b, errnoEnd, end);
            if (i < end && b[i] == '(') {
                int close = matching(b, i, end);
                errnoTextFrom = i + 1;
                errnoTextEnd = close;
                i = skipSpaces(b, Math.min(close + 1, end), end);
            }
        } else if (i < end && b[i] == '(') {
            // poll's "= 0 (Timeout)", fcntl's "= 0x1 (flags O_WRONLY)": part of the result.
            int close = matching(b, i, end);
            resultEnd = Math.min(close + 1, end);
            i = skipSpaces(b, resultEnd, end);
        }
        this.resultFrom = start;
        this.resultEnd = resultEnd;
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

    boolean failed() {
        return errnoFrom != NONE;
    }

    /** {@link SyscallEvent#returned()} without making the result a String: a result other than a bare {@code ?}. */
    boolean returned(byte[] b) {
        return failed() || resultEnd - resultFrom != 1 || b[resultFrom] != '?';
    }

    private static int skipSpaces(byte[] b, int i, int end) {
        while (i < end && b[i] == ' ') {
            i++;
        }
        return i;
    }

    /** The index of the {@code ')'} matching {@code b[open]}, or {@code end} when the line ends first (cut short). */
    private static int matching(byte[] b, int open, int end) {
        int depth = 0;
        for (int i = open; i < end; i++) {
            if (b[i] == '(') {
                depth++;
            } else if (b[i] == ')' && --depth == 0) {
                return i;
            }
        }
        return end;
    }
}
