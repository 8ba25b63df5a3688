package dev.trestle.core.safety;

import java.time.Duration;

/** The age of a backup as people read it: "42 s", "5 min", "3 h 10 min", "2 d 4 h". */
public final class Ages {
    private Ages() {}

    public static String of(Duration age) {
        long seconds = Math.max(0, age.toSeconds());
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min";
        }
        long hours = minutes / 60;
        if (hours < 24) {
            return hours + " h " + minutes % 60 + " min";
        }
        return hours / 24 + " d " + hours % 24 + " h";
    }
}
