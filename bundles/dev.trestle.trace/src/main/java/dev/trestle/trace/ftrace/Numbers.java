package dev.trestle.trace.ftrace;

/** Exact decimal parsing: a double would turn 12345.678901 s into ...900999 ns and break sums checked by hand. */
final class Numbers {
    private Numbers() {}

    /** {@code "12345.678901"} with 9 = nanoseconds. */
    static long scaled(String decimal, int fractionDigits) {
        int dot = decimal.indexOf('.');
        String whole = dot < 0 ? decimal : decimal.substring(0, dot);
        String fraction = dot < 0 ? "" : decimal.substring(dot + 1);
        if (fraction.length() > fractionDigits) {
            fraction = fraction.substring(0, fractionDigits);
        }
        long value = Long.parseLong(whole);
        for (int i = 0; i < fractionDigits; i++) {
            value = value * 10 + (i < fraction.length() ? fraction.charAt(i) - '0' : 0);
        }
        return value;
    }

    static long nanos(String amount, String unit) {
        return switch (unit) {
            case "ns" -> scaled(amount, 0);
            case "us" -> scaled(amount, 3);
            case "ms" -> scaled(amount, 6);
            case "s" -> scaled(amount, 9);
            default -> throw new IllegalArgumentException("not a time unit: " + unit);
        };
    }
}
