package dev.trestle.backup.ui.internal;

import java.time.Duration;
import java.time.Instant;

/** How long ago something happened, in words people use. */
final class Ages {
    private Ages() {}

    static String since(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).toSeconds());
        if (seconds < 60) {
            return "just now";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return plural(minutes, "minute") + " ago";
        }
        long hours = minutes / 60;
        if (hours < 48) {
            return plural(hours, "hour") + " ago";
        }
        long days = hours / 24;
        if (days < 60) {
            return plural(days, "day") + " ago";
        }
        return plural(days / 30, "month") + " ago";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
