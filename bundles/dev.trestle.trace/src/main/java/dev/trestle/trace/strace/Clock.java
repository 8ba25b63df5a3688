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
    long read(char[] b, int from, int end) {
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

    /** Where the last timestamp read ended. */
    int end;

    private long timeOfDay(char[] b, int from, int end) {
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
