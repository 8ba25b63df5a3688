package dev.trestle.trace.ltrace;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lines of an {@code ltrace -c} table. */
final class CountTable {
    private static final Pattern HEADER = Pattern.compile("% time\\s+seconds\\s+usecs/call\\s+calls\\s+function");
    private static final Pattern RULE = Pattern.compile("-+( -+){4}");
    private static final Pattern ROW =
            Pattern.compile("\\s*(\\d+\\.\\d+)\\s+(\\d+)\\.(\\d{6})\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
    private static final Pattern TOTAL = Pattern.compile("\\s*\\d+\\.\\d+\\s+\\d+\\.\\d{6}\\s+\\d+\\s+total");

    private CountTable() {}

    /** True for the header, the rules and the total row, which carry no counts of their own. */
    static boolean isFrame(String line) {
        return HEADER.matcher(line).matches()
                || RULE.matcher(line).matches()
                || TOTAL.matcher(line).matches();
    }

    static LtraceCount row(String line, long number) {
        Matcher m = ROW.matcher(line);
        if (!m.matches()) {
            return null;
        }
        long micros = Long.parseLong(m.group(2)) * 1_000_000 + Long.parseLong(m.group(3));
        return new LtraceCount(
                number,
                m.group(6),
                Long.parseLong(m.group(5)),
                micros,
                Long.parseLong(m.group(4)),
                Double.parseDouble(m.group(1)));
    }
}
