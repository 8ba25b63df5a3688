package dev.trestle.trace.kernel;

import java.util.regex.Pattern;

/**
 * Strips what surrounds a kernel message when it is quoted in mail, read from syslog or the journal, or taken from
 * dmesg: {@code > > }, {@code <4>}, {@code Nov 26 10:00:00 host kernel: }, {@code [  357.679832]} and the printk
 * caller id {@code [    T1]}. The message itself keeps its text; the parser matches it trimmed.
 */
final class LinePrefixes {
    private static final Pattern QUOTE = Pattern.compile("^(?:[ \\t]*>)+ ?");
    private static final Pattern LEVEL = Pattern.compile("^<\\d>");
    private static final Pattern SYSLOG = Pattern.compile("^(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d"
            + "|\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(?:[.,]\\d+)?(?:Z|[+-]\\d\\d:?\\d\\d)?)"
            + " \\S+ kernel: ");
    private static final Pattern TIMESTAMP = Pattern.compile("^\\[ *\\d+\\.\\d+\\](?:\\[ *[TC]\\d+\\])? ?");

    private LinePrefixes() {}

    static String strip(String line) {
        String text = remove(QUOTE, line);
        text = remove(LEVEL, text);
        text = remove(SYSLOG, text);
        text = remove(LEVEL, text);
        return remove(TIMESTAMP, text);
    }

    private static String remove(Pattern prefix, String text) {
        var matcher = prefix.matcher(text);
        return matcher.lookingAt() ? text.substring(matcher.end()) : text;
    }
}
