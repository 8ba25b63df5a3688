package dev.trestle.trace.dtrace;

import dev.trestle.trace.ProblemLog;
import dev.trestle.trace.TraceLines;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The state of one dtrace/bpftrace parse. A dtrace histogram's key is printed alone on the line before the histogram,
 * so a line that fits nothing is held back one line: it is the key if a histogram header follows, else a problem.
 */
final class OutputReader implements TraceLines.Handler {
    static final int MAX_BUCKETS = 4096;

    private static final Pattern PROBE_HEADER = Pattern.compile("\\s*CPU\\s+ID\\s+FUNCTION:NAME\\s*");
    private static final Pattern ATTACHING =
            Pattern.compile("Attaching \\d+ probes?\\.\\.\\.|Lost \\d+ events|dtrace: .*|\\^C");
    private static final Pattern PROBE = Pattern.compile("\\s*(\\d+)\\s+(\\d+)\\s+(\\S*):(\\S*)(?:\\s+(.*))?");
    private static final Pattern QUANTIZE_HEADER = Pattern.compile("\\s*value\\s+-+ Distribution -+\\s+count\\s*");
    private static final Pattern DTRACE_BUCKET =
            Pattern.compile("\\s*(< -?\\d+|>= -?\\d+|-?\\d+) \\|[@ ]*?\\s*(\\d+)\\s*");
    private static final Pattern BPF_BUCKET = Pattern.compile("([\\[(].*?[\\])])\\s+(\\d+) \\|[@ ]*\\|\\s*");
    private static final Pattern MAP = Pattern.compile("(@\\w*)(?:\\[(.*)\\])?:(?: (.*))?");
    private static final Pattern ROW = Pattern.compile("\\s+(\\S.*?)\\s+(-?\\d+)\\s*");
    private static final Pattern KEY_SEPARATOR = Pattern.compile("\\s{2,}");

    private final Consumer<? super DtraceEvent> sink;
    private final ProblemLog problems;
    private long events;
    private String heldText;
    private long heldNumber;
    private DtraceHistogram open;
    private final List<DtraceHistogram.Bucket> buckets = new ArrayList<>();

    OutputReader(Consumer<? super DtraceEvent> sink, ProblemLog problems) {
        this.sink = sink;
        this.problems = problems;
    }

    long events() {
        return events;
    }

    @Override
    public void line(String text, long number, boolean terminated) {
        if (!terminated) {
            closeHistogram();
            releaseHeld();
            problems.add(number, "last line cut short (no newline at the end)", text);
            return;
        }
        if (open != null && bucket(text)) {
            return;
        }
        closeHistogram();
        Matcher m;
        if (QUANTIZE_HEADER.matcher(text).matches()) {
            List<String> keys = heldText == null ? List.of() : keys(heldText.strip());
            heldText = null;
            open = new DtraceHistogram(number, "", keys, List.of());
            return;
        }
        releaseHeld();
        if (text.isBlank()
                || PROBE_HEADER.matcher(text).matches()
                || ATTACHING.matcher(text).matches()) {
            return;
        } else if ((m = MAP.matcher(text)).matches()) {
            List<String> keys =
                    m.group(2) == null ? List.of() : Arrays.asList(m.group(2).split(", "));
            if (m.group(3) == null || m.group(3).isBlank()) {
                open = new DtraceHistogram(number, m.group(1), keys, List.of());
            } else {
                emit(new DtraceAggregation(number, m.group(1), keys, m.group(3).strip()));
            }
        } else if ((m = PROBE.matcher(text)).matches()) {
            String data = m.group(5) == null ? "" : m.group(5).strip();
            emit(new DtraceProbe(
                    number, Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)), m.group(3), m.group(4), data));
        } else if ((m = ROW.matcher(text)).matches()) {
            emit(new DtraceAggregation(number, "", keys(m.group(1)), m.group(2)));
        } else {
            heldText = text;
            heldNumber = number;
        }
    }

    void finish() {
        closeHistogram();
        releaseHeld();
    }

    private boolean bucket(String text) {
        Matcher m = DTRACE_BUCKET.matcher(text);
        if (!m.matches()) {
            m = BPF_BUCKET.matcher(text);
            if (!m.matches()) {
                return false;
            }
        }
        if (buckets.size() < MAX_BUCKETS) {
            buckets.add(new DtraceHistogram.Bucket(m.group(1).strip(), Long.parseLong(m.group(2))));
        }
        return true;
    }

    private void closeHistogram() {
        if (open != null) {
            emit(new DtraceHistogram(open.lineNumber(), open.map(), open.keys(), buckets));
            open = null;
            buckets.clear();
        }
    }

    private void releaseHeld() {
        if (heldText != null) {
            problems.add(heldNumber, "not dtrace or bpftrace output", heldText);
            heldText = null;
        }
    }

    private static List<String> keys(String text) {
        return Arrays.asList(KEY_SEPARATOR.split(text));
    }

    private void emit(DtraceEvent event) {
        events++;
        sink.accept(event);
    }
}
