package dev.trestle.trace.strace;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * The summary's fast path for the line nearly every log is made of, {@code [pid] [time] name(args) = result [ERRNO
 * (text)] [<duration>]}: it is counted in one pass that also finds where the line ends, instead of a newline search
 * followed by the general scan, and without calls through interfaces, which the launcher's C1-only JIT does not inline.
 *
 * <p>It accepts a strict subset of what {@link LineRouter} and {@link LineScanner} read as a complete call, and for
 * that subset counts exactly what {@link CallCounter} would. Anything else (a resumed or unfinished part, a notice, a
 * {@code -r} time, a {@code \r}, a line cut by an strace message, any doubt at all) makes it return -1 before it has
 * changed anything, and the line takes the general path.
 */
final class CompleteCalls {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;
    // For nextStop: '(' and ')' differ in the lowest bit only; '[' and '{', ']' and '}' in the 0x20 bit only.
    private static final long PARENTHESES = 0x2828282828282828L;
    private static final long NOT_LOWEST_BITS = 0xFEFEFEFEFEFEFEFEL;
    private static final long CASE_BITS = 0x2020202020202020L;
    private static final long OPENING_BRACKETS = 0x7B7B7B7B7B7B7B7BL;
    private static final long CLOSING_BRACKETS = 0x7D7D7D7D7D7D7D7DL;
    private static final long ANGLES = 0x3C3C3C3C3C3C3C3CL;
    private static final byte[] PID = Syntax.ascii("[pid ");
    private static final byte[] UNFINISHED = Syntax.ascii(" <unfinished ...>");
    private static final byte[] DETACHED = Syntax.ascii(" <detached ...>");
    private static final byte[] ATTACHED_END = Syntax.ascii(" attached");
    // An -ttt time has ten digits of seconds today; under 10^8 seconds it is -r (relative, which the general path
    // adds up), and more than twelve digits could overflow the microseconds.
    private static final int MIN_EPOCH_DIGITS = 9;
    private static final int MAX_EPOCH_DIGITS = 12;

    // The bytes at which the argument scan must stop and look: those of Syntax.closingParen, and the line end.
    private static final boolean[] STOP = new boolean[256];

    static {
        for (char c : "\"()[]{}<\n".toCharArray()) {
            STOP[c] = true;
        }
    }

    private final CallCounter counter;
    private final LineRouter router;
    private final ResultScanner tail = new ResultScanner();
    // What timedResult read of the last line.
    private boolean returned;
    private boolean failed;
    private long duration;

    CompleteCalls(CallCounter counter, LineRouter router) {
        this.counter = counter;
        this.router = router;
    }

    /**
     * Counts the line starting at {@code from} if it is a plain complete call and ends before {@code limit}. Returns
     * the index of its {@code '\n'}, or -1 when the line is left to the general path.
     */
    int line(byte[] b, int from, int limit) {
        if (!router.settled()) {
            return -1;
        }
        int p = prefixEnd(b, from, limit);
        if (p < 0) {
            return -1;
        }
        int nameFrom = p;
        int hash = 0;
        while (p < limit && Syntax.isWordChar(b[p])) {
            hash = CallTable.hash(hash, b[p]);
            p++;
        }
        if (p == nameFrom || p >= limit || b[p] != '(') {
            return -1;
        }
        int nameEnd = p;
        int close = closingParen(b, p + 1, limit);
        if (close < 0) {
            return -1;
        }
        int end = timedResult(b, close + 1, limit);
        if (end >= 0) {
            counter.completeCall(b, nameFrom, nameEnd, hash, returned, failed, duration);
            return end;
        }
        end = LineSource.newline(b, close + 1, limit);
        if (end < 0
                || b[end - 1] == '\r'
                || Syntax.endsWith(b, from, end, UNFINISHED)
                || Syntax.endsWith(b, from, end, DETACHED)
                || Syntax.endsWith(b, from, end, ATTACHED_END)
                || tail.scan(b, close + 1, end) != null) {
            return -1;
        }
        counter.completeCall(b, nameFrom, nameEnd, hash, tail.returned(b), tail.failed(), tail.duration);
        return end;
    }

    /**
     * The common end of an {@code -T} line, {@code = result [ERRNO (text)] <duration>}, read as {@link
     * ResultScanner#scan} reads it but without knowing the line end first. Sets {@link #returned}, {@link #failed}
     * and {@link #duration} and returns the index of the {@code '\n'} right after the duration; -1 when the line
     * needs the slower way (a decoration, an annotation, no duration, nested parentheses, ...).
     */
    private int timedResult(byte[] b, int p, int limit) {
        p = spacesEnd(b, p, limit);
        if (p + 2 >= limit || b[p] != '=' || b[p + 1] != ' ') {
            return -1;
        }
        int start = p + 2;
        int i = start;
        while (i < limit && b[i] != ' ') {
            if (b[i] == '<' || b[i] == '\n') {
                return -1;
            }
            i++;
        }
        if (i == start || i >= limit) {
            return -1;
        }
        boolean unknown = i - start == 1 && b[start] == '?';
        i = spacesEnd(b, i, limit);
        boolean error = i < limit && b[i] == 'E';
        if (error) {
            while (i < limit && Syntax.isWordChar(b[i])) {
                i++;
            }
            i = spacesEnd(b, i, limit);
            if (i < limit && b[i] == '(') {
                i = errnoTextEnd(b, i + 1, limit);
                if (i < 0) {
                    return -1;
                }
                i = spacesEnd(b, i + 1, limit);
            }
        }
        if (i >= limit || b[i] != '<') {
            return -1;
        }
        if (i + 11 <= limit
                && Syntax.isDigit(b[i + 1])
                && b[i + 2] == '.'
                && sixDigits(b, i + 3)
                && b[i + 9] == '>'
                && b[i + 10] == '\n') {
            // -T's usual <S.UUUUUU>, what the general case below reads, without its loops
            duration = (b[i + 1] - '0') * 1_000_000L + sixDigitValue(b, i + 3);
            failed = error;
            returned = error || !unknown;
            return i + 10;
        }
        int secondsEnd = Syntax.digitsEnd(b, i + 1, limit);
        if (secondsEnd == i + 1 || secondsEnd >= limit || b[secondsEnd] != '.') {
            return -1;
        }
        int fractionEnd = Syntax.digitsEnd(b, secondsEnd + 1, limit);
        if (fractionEnd + 1 >= limit || b[fractionEnd] != '>' || b[fractionEnd + 1] != '\n') {
            return -1;
        }
        duration = Syntax.micros(Syntax.decimal(b, i + 1, secondsEnd), b, secondsEnd + 1, fractionEnd);
        failed = error;
        returned = error || !unknown;
        return fractionEnd + 1;
    }

    /** The {@code ')'} closing an errno's text that holds no parenthesis, as most do; else -1. */
    private static int errnoTextEnd(byte[] b, int from, int limit) {
        for (int i = from; i < limit; i++) {
            byte c = b[i];
            if (c == ')') {
                return i;
            }
            if (c == '(' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static int spacesEnd(byte[] b, int i, int limit) {
        while (i < limit && b[i] == ' ') {
            i++;
        }
        return i;
    }

    /**
     * Where the call name starts after the optional pid ({@code 123 } or {@code [pid 123] }) and time ({@code
     * HH:MM:SS[.frac] } or an {@code -ttt} one), read as {@link LineScanner#line} reads them; -1 for anything else.
     */
    private static int prefixEnd(byte[] b, int from, int limit) {
        int p = from;
        if (p < limit && b[p] == '[') {
            if (!Syntax.startsWith(b, p, limit, PID)) {
                return -1;
            }
            p += PID.length;
            while (p < limit && b[p] == ' ') {
                p++;
            }
            int digits = Syntax.digitsEnd(b, p, limit);
            if (digits == p || digits >= limit || b[digits] != ']') {
                return -1;
            }
            p = digits + 1;
        } else if (p < limit && Syntax.isDigit(b[p])) {
            int digits = Syntax.digitsEnd(b, p, limit);
            if (digits < limit && b[digits] == ' ') {
                p = digits;
            }
        }
        while (p < limit && b[p] == ' ') {
            p++;
        }
        if (p + 9 <= limit
                && b[p + 2] == ':'
                && b[p + 5] == ':'
                && twoDigits(b, p)
                && twoDigits(b, p + 3)
                && twoDigits(b, p + 6)) {
            // -t/-tt's HH:MM:SS[.frac], what timeEnd would find, without its loops
            if (b[p + 8] != '.') {
                p += 8;
            } else if (p + 16 <= limit && b[p + 15] == ' ' && sixDigits(b, p + 9)) {
                p += 15; // -tt's microseconds
            } else {
                p = Syntax.digitsEnd(b, p + 9, limit);
            }
            if (p >= limit || b[p] != ' ') {
                return -1;
            }
            p++;
        } else if (p < limit && Syntax.isDigit(b[p])) {
            p = timeEnd(b, p, limit);
            if (p < 0 || p >= limit || b[p] != ' ') {
                return -1;
            }
            p++;
        }
        return p;
    }

    private static boolean sixDigits(byte[] b, int at) {
        return Syntax.isDigit(b[at])
                && Syntax.isDigit(b[at + 1])
                && Syntax.isDigit(b[at + 2])
                && Syntax.isDigit(b[at + 3])
                && Syntax.isDigit(b[at + 4])
                && Syntax.isDigit(b[at + 5]);
    }

    private static long sixDigitValue(byte[] b, int at) {
        return (b[at] - '0') * 100_000L
                + (b[at + 1] - '0') * 10_000L
                + (b[at + 2] - '0') * 1_000L
                + (b[at + 3] - '0') * 100L
                + (b[at + 4] - '0') * 10L
                + (b[at + 5] - '0');
    }

    private static boolean twoDigits(byte[] b, int at) {
        return Syntax.isDigit(b[at]) && Syntax.isDigit(b[at + 1]);
    }

    /** The end of {@code HH:MM:SS[.frac]} (one or two digits each) or {@code SECONDS.frac} of -ttt; else -1. */
    private static int timeEnd(byte[] b, int from, int limit) {
        int h = Syntax.digitsEnd(b, from, limit);
        if (h >= limit) {
            return -1;
        }
        if (b[h] == '.') {
            boolean epoch = h - from >= MIN_EPOCH_DIGITS && h - from <= MAX_EPOCH_DIGITS && b[from] != '0';
            return epoch ? Syntax.digitsEnd(b, h + 1, limit) : -1;
        }
        if (h - from > 2 || b[h] != ':') {
            return -1;
        }
        int m = Syntax.digitsEnd(b, h + 1, limit);
        if (m - h - 1 < 1 || m - h - 1 > 2 || m >= limit || b[m] != ':') {
            return -1;
        }
        int s = Syntax.digitsEnd(b, m + 1, limit);
        if (s - m - 1 < 1 || s - m - 1 > 2) {
            return -1;
        }
        return s < limit && b[s] == '.' ? Syntax.digitsEnd(b, s + 1, limit) : s;
    }

    /** {@link Syntax#closingParen}, but -1 as soon as the line ends, which it does not know yet. */
    private static int closingParen(byte[] b, int from, int limit) {
        int depth = 0;
        for (int i = nextStop(b, from, limit); i < limit; i = nextStop(b, i + 1, limit)) {
            byte c = b[i];
            switch (c) {
                case '"' -> {
                    i = afterString(b, i, limit) - 1;
                    if (i < 0) {
                        return -1;
                    }
                }
                case '(', '[', '{' -> depth++;
                case ']', '}' -> depth--;
                case ')' -> {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
                case '<' -> {
                    if (i > from && Syntax.isWordChar(b[i - 1])) {
                        i = afterDecoration(b, i, limit) - 1;
                        if (i < 0) {
                            return -1;
                        }
                    }
                }
                default -> {
                    return -1; // '\n': the line ended inside the arguments
                }
            }
        }
        return -1;
    }

    /** The index of the first {@link #STOP} byte at or after {@code from}, or {@code limit}; eight bytes a step. */
    static int nextStop(byte[] b, int from, int limit) {
        int i = from;
        for (; i + 8 <= limit; i += 8) {
            long word = (long) LONGS.get(b, i);
            long brackets = word | CASE_BITS;
            long found = Syntax.zeroBytes(word ^ QUOTES)
                    | Syntax.zeroBytes((word ^ PARENTHESES) & NOT_LOWEST_BITS)
                    | Syntax.zeroBytes(brackets ^ OPENING_BRACKETS)
                    | Syntax.zeroBytes(brackets ^ CLOSING_BRACKETS)
                    | Syntax.zeroBytes(word ^ ANGLES)
                    | Syntax.zeroBytes(word ^ NEWLINES);
            if (found != 0) {
                return i + Syntax.firstMarked(found);
            }
        }
        while (i < limit && !STOP[b[i] & 0xff]) {
            i++;
        }
        return i;
    }

    /**
     * {@link Syntax#afterString}, eight bytes a step (paths and buffers are most of a log's bytes); 0 when the line
     * ends first.
     */
    private static int afterString(byte[] b, int quote, int limit) {
        int i = quote + 1;
        while (true) {
            while (i + 8 <= limit) {
                long word = (long) LONGS.get(b, i);
                long found = Syntax.zeroBytes(word ^ QUOTES)
                        | Syntax.zeroBytes(word ^ BACKSLASHES)
                        | Syntax.zeroBytes(word ^ NEWLINES);
                if (found != 0) {
                    i += Syntax.firstMarked(found);
                    break;
                }
                i += 8;
            }
            if (i >= limit) {
                return 0;
            }
            byte c = b[i];
            if (c == '"') {
                return i + 1;
            }
            if (c == '\n') {
                return 0;
            }
            if (c == '\\') {
                if (i + 1 >= limit || b[i + 1] == '\n') {
                    return 0;
                }
                i += 2;
            } else {
                i++;
            }
        }
    }

    /** {@link Syntax#afterDecoration}; 0 when the line ends first. */
    private static int afterDecoration(byte[] b, int open, int limit) {
        int angles = 0;
        int brackets = 0;
        for (int i = open; i < limit; i++) {
            byte c = b[i];
            if (c == '\n') {
                return 0;
            } else if (c == '\\') {
                i++;
                if (i < limit && b[i] == '\n') {
                    return 0;
                }
            } else if (c == '[') {
                brackets++;
            } else if (c == ']') {
                brackets--;
            } else if (brackets == 0 && c == '<') {
                angles++;
            } else if (brackets == 0 && c == '>' && --angles == 0) {
                return i + 1;
            }
        }
        return 0;
    }
}
