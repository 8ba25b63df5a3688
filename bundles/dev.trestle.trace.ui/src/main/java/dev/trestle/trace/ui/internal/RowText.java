package dev.trestle.trace.ui.internal;

import dev.trestle.trace.strace.SignalEvent;
import dev.trestle.trace.strace.StraceEvent;
import dev.trestle.trace.strace.StraceParser;
import dev.trestle.trace.strace.SyscallEvent;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The cells of one row. Arguments and result are not stored, so the row's first line is read back and parsed again;
 * only rows on screen pay for it. A call strace split with {@code <unfinished ...>} re-parses without its result, which
 * then comes from the stored columns.
 */
final class RowText {
    static final int MAX_ARGUMENTS = 160;

    private RowText() {}

    static String[] of(EventTable events, int i, LineReader lines) {
        String arguments = "";
        String result = null;
        try {
            StraceEvent parsed = parse(lines.line(events.line(i)), events.pid(i));
            if (parsed instanceof SyscallEvent call) {
                arguments = call.arguments();
                result = call.result() == null ? null : resultText(call);
            } else if (parsed instanceof SignalEvent signal) {
                arguments = signal.details();
            }
        } catch (IOException e) {
            arguments = "(cannot read the log: " + e.getMessage() + ")";
        }
        return new String[] {
            Long.toString(events.line(i)),
            Formats.time(events.time(i)),
            Integer.toString(events.pid(i)),
            events.name(i),
            Formats.truncate(arguments, MAX_ARGUMENTS),
            result != null ? result : storedResult(events, i),
            Formats.duration(events.duration(i))
        };
    }

    private static StraceEvent parse(String line, int pid) throws IOException {
        List<StraceEvent> found = new ArrayList<>(1);
        StraceParser.create().forProcess(pid).keepingProblems(0).parse(new StringReader(line + "\n"), found::add);
        return found.isEmpty() ? null : found.get(0);
    }

    private static String resultText(SyscallEvent call) {
        if (call.errno() == null) {
            return call.result();
        }
        return call.result() + " " + call.errno() + (call.errnoText() == null ? "" : " (" + call.errnoText() + ")");
    }

    private static String storedResult(EventTable events, int i) {
        String errno = events.errno(i);
        long value = events.result(i);
        if (errno != null) {
            return "-1 " + errno;
        }
        return value == Long.MIN_VALUE ? "?" : Long.toString(value);
    }
}
