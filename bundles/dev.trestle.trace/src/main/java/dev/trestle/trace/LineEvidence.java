package dev.trestle.trace;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores lines for the format they fit. A line worth 1 fits one format only; ambiguous lines split their point. Lines
 * that only one tool writes (headers, {@code SYS_} names, strace's decoded errors) also add a bonus, so a log full of
 * program output is still recognised by its header. Our own heuristics, not the parsers': detection must work even
 * when a parser does not.
 */
final class LineEvidence {
    private static final double HEADER = 10;

    private static final Pattern CALL_PREFIX = Pattern.compile("(?:\\[pid\\s+\\d+\\] |\\d+ +)?\\s*"
            + "(?:(?:\\d\\d:\\d\\d:\\d\\d(?:\\.\\d+)?|\\d+\\.\\d+) +)?(?:\\[[0-9a-f?x]+\\] +)?");
    private static final Pattern CALL =
            Pattern.compile("([A-Za-z_][\\w@.]*)\\(.*(?:\\) += .*|<unfinished \\.\\.\\.>|<no return \\.\\.\\.>)");
    private static final Pattern RESUMED = Pattern.compile("<\\.\\.\\. [\\w@.]+ resumed>.*");
    private static final Pattern STRACE_ONLY = Pattern.compile(
            ".*(?:\\) += -1 E[A-Z0-9]+ \\(|= \\? |/\\* \\d+ vars \\*/"
                    + "|\\{st_mode=|AT_FDCWD|O_RDONLY|PROT_READ|MAP_PRIVATE|\\+\\+\\+ exited with \\d+|--- SIG\\w+ \\{si_).*");
    private static final Pattern LTRACE_ONLY = Pattern.compile(
            ".*(?:= <void>|\\+\\+\\+ exited \\(status \\d+\\)|--- Called exec\\(\\) ---|--- SIG\\w+ \\(.*\\) ---"
                    + ").*");
    private static final Pattern LTRACE_SUMMARY = Pattern.compile("% time +seconds +usecs/call +calls +function\\s*");
    /** A row of either tool's -c table; only the header tells which. */
    private static final Pattern SUMMARY_ROW =
            Pattern.compile("\\s*\\d+\\.\\d+\\s+\\d+\\.\\d{6}\\s+\\d+\\s+\\d+(\\s+\\d+)?\\s+\\w+|-+( -+){4,5}");

    private static final Pattern STRACE_SUMMARY =
            Pattern.compile("% time +seconds +usecs/call +calls +errors +syscall.*");
    private static final Pattern FTRACE_HEADER =
            Pattern.compile("# tracer: \\S+|#\\s+TASK-PID\\s.*|# CPU\\s+DURATION.*");
    private static final Pattern TRACE_EVENT = Pattern.compile(
            "\\s*.+-\\d+\\s+(?:\\(\\s*[\\d-]+\\)\\s+)?\\[\\d{3}\\]\\s+(?:([.a-zA-Z0-9]{4,6})\\s+)?\\d+\\.\\d+: .*");
    private static final Pattern GRAPH = Pattern.compile("\\s*(?:\\d+\\.\\d+ \\|\\s+)?\\d+\\)\\s.*\\|.*");
    private static final Pattern STACK_FRAME = Pattern.compile(" ?=> \\S+.*");
    private static final Pattern TRACE_CMD_HEADER = Pattern.compile("cpus=\\d+|version = \\d+|CPU \\d+ is empty");
    private static final Pattern DTRACE_HEADER = Pattern.compile(
            "\\s*CPU\\s+ID\\s+FUNCTION:NAME\\s*|\\s*value\\s+-+ Distribution -+\\s+count\\s*|dtrace: .*matched \\d+ probes?");
    private static final Pattern DTRACE_LINE =
            Pattern.compile("\\s+\\d+\\s+\\d+\\s+\\S*:\\S*(?:\\s.*)?|\\s*(?:< |>= )?-?\\d+ \\|[@ ]*\\s\\d+\\s*");
    private static final Pattern BPFTRACE_HEADER = Pattern.compile("Attaching \\d+ probes?\\.\\.\\.");
    private static final Pattern BPFTRACE_LINE =
            Pattern.compile("@\\w*(?:\\[.*\\])?:.*|[\\[(].*[\\])]\\s+\\d+ \\|[@ ]*\\|\\s*");
    private static final Pattern KERNEL_STAMPED = Pattern.compile("(?:<\\d>)?\\[\\s*\\d+\\.\\d{6}\\] .*"
            + "|\\w+\\s*:\\w+\\s*: .*"
            + "|(?:[A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d|\\d{4}-\\d\\d-\\d\\dT\\S+) \\S+ kernel: .*");
    private static final Pattern KERNEL_UNSTAMPED = Pattern.compile("(?:Linux version |Command line: |BIOS-e820|ACPI: "
            + "|PCI: |pci \\d|usb \\d|EXT4-fs |audit: |Call Trace:|RIP: |BUG: |Oops|x86/|Memory: |Kernel command line"
            + "|CPU: |NET: |input: |random: |clocksource|smpboot|Freeing |Modules linked in|systemd\\[1\\]: |e820: "
            + "|DMI: |TCP: |SELinux|intel_|nvme|ata\\d|sd \\d|scsi ).*|.* segfault at .*");

    private final Map<TraceFormat, Double> score = new EnumMap<>(TraceFormat.class);
    private final Map<TraceFormat, String> evidence = new EnumMap<>(TraceFormat.class);

    Map<TraceFormat, Double> scores() {
        return score;
    }

    void line(String line) {
        if (FTRACE_HEADER.matcher(line).matches()) {
            add(TraceFormat.FTRACE, HEADER, "an ftrace header: " + line.strip());
        } else if (TRACE_CMD_HEADER.matcher(line).matches()) {
            add(TraceFormat.TRACE_CMD, HEADER, "a trace-cmd report header: " + line.strip());
        } else if (DTRACE_HEADER.matcher(line).matches()) {
            add(TraceFormat.DTRACE, HEADER, "a dtrace header: " + line.strip());
        } else if (BPFTRACE_HEADER.matcher(line).matches()) {
            add(TraceFormat.BPFTRACE, HEADER, "bpftrace's \"" + line.strip() + "\"");
        } else if (STRACE_SUMMARY.matcher(line).matches()) {
            add(TraceFormat.STRACE, HEADER, "an strace -c table");
        } else if (LTRACE_SUMMARY.matcher(line).matches()) {
            add(TraceFormat.LTRACE, HEADER, "an ltrace -c table");
        } else if (SUMMARY_ROW.matcher(line).matches()) {
            add(TraceFormat.STRACE, 0.5, null);
            add(TraceFormat.LTRACE, 0.5, null);
        } else if (!traceEvent(line) && !callLine(line)) {
            other(line);
        }
    }

    String describe(TraceFormat format, double points, int examined) {
        String fit = String.format("%.0f of %d lines fit %s", Math.min(points, examined), examined, format);
        String why = evidence.get(format);
        return why == null ? fit : fit + "; " + why;
    }

    private boolean traceEvent(String line) {
        Matcher m = TRACE_EVENT.matcher(line);
        if (!m.matches()) {
            return false;
        }
        // tracefs always prints the latency flags column (d..2.); trace-cmd report leaves it out unless asked (-l).
        if (m.group(1) != null) {
            add(TraceFormat.FTRACE, 1, null);
        } else {
            add(TraceFormat.TRACE_CMD, 0.6, null);
            add(TraceFormat.FTRACE, 0.4, null);
        }
        return true;
    }

    private boolean callLine(String line) {
        Matcher prefix = CALL_PREFIX.matcher(line);
        prefix.lookingAt();
        String body = line.substring(prefix.end()).strip();
        if (STRACE_ONLY.matcher(body).matches()) {
            add(TraceFormat.STRACE, 2, "strace-only syntax such as: " + body);
            return true;
        }
        if (LTRACE_ONLY.matcher(body).matches() || body.startsWith("SYS_")) {
            add(TraceFormat.LTRACE, 2, "ltrace-only syntax such as: " + body);
            return true;
        }
        Matcher call = CALL.matcher(body);
        if (!call.matches() && !RESUMED.matcher(body).matches()) {
            return false;
        }
        boolean syscall = call.matches() && SyscallNames.COMMON.contains(call.group(1));
        add(TraceFormat.STRACE, syscall ? 0.8 : 0.2, null);
        add(TraceFormat.LTRACE, syscall ? 0.2 : 0.8, null);
        return true;
    }

    private void other(String line) {
        if (GRAPH.matcher(line).matches() || STACK_FRAME.matcher(line).matches()) {
            add(TraceFormat.FTRACE, 1, null);
        } else if (DTRACE_LINE.matcher(line).matches()) {
            add(TraceFormat.DTRACE, 1, null);
        } else if (BPFTRACE_LINE.matcher(line).matches()) {
            add(TraceFormat.BPFTRACE, 1, null);
        } else if (KERNEL_STAMPED.matcher(line).matches()) {
            add(TraceFormat.KERNEL_LOG, 1, null);
        } else if (KERNEL_UNSTAMPED.matcher(line).matches()) {
            add(TraceFormat.KERNEL_LOG, 0.8, "kernel message vocabulary such as: " + line.strip());
        }
    }

    private void add(TraceFormat format, double points, String why) {
        score.merge(format, points, Double::sum);
        if (why != null) {
            evidence.putIfAbsent(format, why.length() > 100 ? why.substring(0, 100) + "…" : why);
        }
    }
}
