package dev.trestle.trace.ui.internal;

import dev.trestle.trace.strace.StraceEvent;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How times and durations read in the tables, and how a typed time is understood. */
final class Formats {
    /** -t/-tt times count from the first midnight and may roll over days; -ttt times are since the epoch. */
    private static final long TEN_DAYS_MICROS = 10L * 86_400_000_000L;

    private static final Pattern CLOCK = Pattern.compile("(\\d{1,3}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,6}))?");
    private static final Pattern SECONDS = Pattern.compile("(\\d+)(?:\\.(\\d{1,6}))?");

    private Formats() {}

    static String time(long micros) {
        if (micros == StraceEvent.NO_TIME) {
            return "";
        }
        if (micros >= TEN_DAYS_MICROS) {
            return String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
        }
        long seconds = micros / 1_000_000;
        return String.format(
                Locale.ROOT,
                "%02d:%02d:%02d.%06d",
                seconds / 3600,
                seconds / 60 % 60,
                seconds % 60,
                micros % 1_000_000);
    }

    /** Seconds with microseconds, as strace -T prints them; empty for a call without -T. */
    static String duration(long micros) {
        return micros < 0 ? "" : String.format(Locale.ROOT, "%d.%06d", micros / 1_000_000, micros % 1_000_000);
    }

    static String seconds(long micros) {
        return String.format(Locale.ROOT, "%.6f", micros / 1e6);
    }

    /** {@code HH:MM:SS[.ffffff]} (as -t/-tt print) or seconds (-ttt, -r), as microseconds. */
    static OptionalLong parseTime(String text) {
        String t = text.strip();
        Matcher clock = CLOCK.matcher(t);
        if (clock.matches()) {
            long seconds = Long.parseLong(clock.group(1)) * 3600
                    + Long.parseLong(clock.group(2)) * 60
                    + Long.parseLong(clock.group(3));
            return OptionalLong.of(seconds * 1_000_000 + fraction(clock.group(4)));
        }
        Matcher plain = SECONDS.matcher(t);
        if (plain.matches() && plain.group(1).length() <= 12) {
            return OptionalLong.of(Long.parseLong(plain.group(1)) * 1_000_000 + fraction(plain.group(2)));
        }
        return OptionalLong.empty();
    }

    private static long fraction(String digits) {
        if (digits == null) {
            return 0;
        }
        return Long.parseLong((digits + "000000").substring(0, 6));
    }

    static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
