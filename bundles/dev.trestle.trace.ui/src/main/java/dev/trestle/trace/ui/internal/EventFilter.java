package dev.trestle.trace.ui.internal;

import dev.trestle.core.jobs.Progress;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

/**
 * What the user asked to see. Pid, syscall and errno tests run on the stored columns; the free text needs the line,
 * so it is what makes filtering a background job on big logs.
 *
 * @param pid -1 for any
 * @param syscall empty for any
 */
record EventFilter(int pid, String syscall, boolean errorsOnly, String text) {
    static final EventFilter NONE = new EventFilter(-1, "", false, "");

    EventFilter {
        syscall = syscall.strip();
        text = text.strip();
    }

    boolean isEmpty() {
        return pid < 0 && syscall.isEmpty() && !errorsOnly && text.isEmpty();
    }

    /** The indices of matching events in log order; {@code lines} is read only when there is text to find. */
    int[] apply(EventTable events, LineReader lines, Progress progress) throws IOException {
        short name = syscall.isEmpty() ? Interner.NONE : events.names.lookup(syscall);
        if (!syscall.isEmpty() && name == Interner.NONE) {
            return new int[0];
        }
        String needle = text.toLowerCase(Locale.ROOT);
        int[] rows = new int[Math.min(events.size(), 1024)];
        int count = 0;
        for (int i = 0; i < events.size(); i++) {
            if ((i & 0xffff) == 0) {
                progress.checkCancelled();
            }
            if (pid >= 0 && events.pid(i) != pid
                    || name != Interner.NONE && events.nameCode(i) != name
                    || errorsOnly && events.errnoCode(i) == Interner.NONE
                    || !needle.isEmpty()
                            && !lines.line(events.line(i))
                                    .toLowerCase(Locale.ROOT)
                                    .contains(needle)) {
                continue;
            }
            if (count == rows.length) {
                rows = Arrays.copyOf(rows, rows.length * 2);
            }
            rows[count++] = i;
        }
        return Arrays.copyOf(rows, count);
    }
}
