package dev.trestle.trace.strace;

/**
 * Turns the timestamp column into one timeline. {@code -t}/{@code -tt} print the time of day only, so a time earlier
 * than the one before by more than half a day means midnight passed; smaller steps back happen when -f output of
 * several processes interleaves and are not rollovers.
 */
final class Clock {
    private static final long DAY = 86_400_000_000L;
    // -ttt prints seconds since 1970, -r seconds since the previous line; no relative step lasts three years.
    private static final long EPOCH_THRESHOLD_SECONDS = 100_000_000L;

    private long lastTimeOfDay = -1;
    private long days;
    private long relativeTotal;

    /** The timestamp at {@code b[from, end)}, which starts with a digit; sets {@link #end}. Returns -1 if none. */
    long read(byte[] b, int from, int end) {
        int i = Syntax.digitsEnd(b, from, end);
        if (i < end && b[i] == ':') {
            return timeOfDay(b, from, end);
        }
        if (i == from || i >= end || b[i] != '.') {
            return -1;
        }
        long seconds = Syntax.decimal(b, from, i);
        int fractionEnd = Syntax.digitsEnd(b, i + 1, end);
        this.end = fractionEnd;
        long micros = Syntax.micros(seconds, b, i + 1, fractionEnd);
        if (seconds >= EPOCH_THRESHOLD_SECONDS) {
            return micros;
        }
        relativeTotal += micros;
        return relativeTotal;
    }

    /**
     * Like {@link #read} for a caller that needs no time (the summary): the common {@code HH:MM:SS} form is only
     * checked, not computed. Returns -1 exactly when read would.
     */
    long skip(byte[] b, int from, int end) {
        int h = Syntax.digitsEnd(b, from, end);
        // Two-digit fields cannot overflow, so such a time is never negative; anything else takes the full path.
        if (h - from > 2 || h >= end || b[h] != ':') {
            return read(b, from, end);
        }
        int m = Syntax.digitsEnd(b, h + 1, end);
        if (m >= end || b[m] != ':') {
            return -1;
        }
        int s = Syntax.digitsEnd(b, m + 1, end);
        if (m - h - 1 > 2 || s - m - 1 > 2) {
            return read(b, from, end);
        }
        this.end = s < end && b[s] == '.' ? Syntax.digitsEnd(b, s + 1, end) : s;
        return 0;
    }

    /** Where the last timestamp read ended. */
    int end;

    private long timeOfDay(byte[] b, int from, int end) {
        int h = Syntax.digitsEnd(b, from, end);
        int m = Syntax.digitsEnd(b, h + 1, end);
        if (m >= end || b[m] != ':') {
            return -1;
        }
        int s = Syntax.digitsEnd(b, m + 1, end);
        long seconds =
                Syntax.decimal(b, from, h) * 3600 + Syntax.decimal(b, h + 1, m) * 60 + Syntax.decimal(b, m + 1, s);
        int fractionEnd = s;
        if (s < end && b[s] == '.') {
            fractionEnd = Syntax.digitsEnd(b, s + 1, end);
        }
        this.end = fractionEnd;
        long time = Syntax.micros(seconds, b, Math.min(s + 1, fractionEnd), fractionEnd);
        if (lastTimeOfDay >= 0 && lastTimeOfDay - time > DAY / 2) {
            days++;
        }
        lastTimeOfDay = time;
        return days * DAY + time;
    }
}
