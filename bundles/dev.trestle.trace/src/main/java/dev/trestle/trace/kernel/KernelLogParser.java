package dev.trestle.trace.kernel;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads a kernel log line by line and groups it into {@link Incident}s. It takes dmesg output with or without
 * timestamps, syslog and journal lines, and logs quoted in mail with {@code > } at any depth, since that is how logs
 * reach a developer. An incident runs from its header to {@code ---[ end trace ... ]---}; one cut short by the next
 * header or the end of input is kept and marked incomplete. Lines inside an incident it cannot place become
 * {@link Problem}s; nothing is dropped silently.
 *
 * <p>Feed it with {@link #line(String)} and call {@link #finish()}, or use {@link #parse(Reader)}. Not thread-safe.
 */
public final class KernelLogParser {
    private static final Pattern CUT_HERE = Pattern.compile("^-+\\[ cut here \\]-+$");
    private static final Pattern FTRACE_BUG = Pattern.compile("^-+\\[ ftrace bug \\]-+$");
    private static final Pattern END = Pattern.compile("^---\\[ end (?:trace [0-9a-f]+|Kernel panic - .*) \\]---$");

    private final Consumer<Incident> listener;
    private final List<Incident> incidents = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private IncidentBuilder open;
    /** The incident just ended; the kernel still prints some of its lines after the end marker. */
    private IncidentBuilder ended;

    private int lines;
    private int otherLines;

    /** {@code listener} hears of each incident as soon as it is complete (or cut short). */
    public KernelLogParser(Consumer<Incident> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    public KernelLogParser() {
        this(incident -> {});
    }

    public static KernelLog parse(Reader reader) throws IOException {
        KernelLogParser parser = new KernelLogParser();
        BufferedReader lines = new BufferedReader(reader);
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            parser.line(line);
        }
        return parser.finish();
    }

    /** One line, without its terminator. */
    public void line(String raw) {
        lines++;
        String text = LinePrefixes.strip(raw).strip();
        if (text.isEmpty()) {
            return;
        }
        IncidentKind header = header(text);
        if (header != null) {
            if (open != null && open.absorbs(header)) {
                open.refine(header, text, lines);
                return;
            }
            emitEnded();
            emit(open); // cut short by the next header: incomplete
            open = new IncidentBuilder(header, text, lines);
        } else if (open != null && END.matcher(text).matches()) {
            open.end(lines);
            ended = open;
            open = null;
        } else if (open != null) {
            if (!open.accept(text, lines, false)) {
                problems.add(new Problem(lines, raw, "not a line of a kernel incident report"));
            }
        } else if (ended == null || !ended.accept(text, lines, true)) {
            emitEnded();
            otherLines++;
        }
    }

    /** Ends the input; an incident still open is kept, marked incomplete. */
    public KernelLog finish() {
        emitEnded();
        emit(open);
        open = null;
        return new KernelLog(incidents, problems, lines, otherLines);
    }

    private void emitEnded() {
        emit(ended);
        ended = null;
    }

    private void emit(IncidentBuilder builder) {
        if (builder != null) {
            Incident incident = builder.build();
            incidents.add(incident);
            listener.accept(incident);
        }
    }

    private static IncidentKind header(String text) {
        if (CUT_HERE.matcher(text).matches()) {
            return IncidentKind.CUT_HERE;
        }
        if (FTRACE_BUG.matcher(text).matches()) {
            return IncidentKind.FTRACE_BUG;
        }
        if (text.startsWith("WARNING: ")) {
            return IncidentKind.WARNING;
        }
        if (text.startsWith("BUG: ") || text.startsWith("kernel BUG at ")) {
            return IncidentKind.BUG;
        }
        if (text.startsWith("Oops: ")) {
            return IncidentKind.OOPS;
        }
        if (text.startsWith("general protection fault")) {
            return IncidentKind.GENERAL_PROTECTION_FAULT;
        }
        if (text.startsWith("Kernel panic - not syncing")) {
            return IncidentKind.PANIC;
        }
        return null;
    }
}
