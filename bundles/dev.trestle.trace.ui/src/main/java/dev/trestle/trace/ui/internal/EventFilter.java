package dev.trestle.trace.ui.internal;

import dev.trestle.core.jobs.Progress;
import java.io.IOException;
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

    /**
     * The matching events in log order, kept off the heap; {@code lines} is read only when there is text to find. The
     * caller closes the result.
     */
    FilteredRows apply(EventTable events, LineReader lines, Progress progress) throws IOException {
        FilteredRows rows = new FilteredRows();
        try {
            short name = syscall.isEmpty() ? Interner.NONE : events.names.lookup(syscall);
            if (syscall.isEmpty() || name != Interner.NONE) {
                select(events, lines, progress, name, rows);
            }
            rows.finish();
            return rows;
        } catch (IOException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    private void select(EventTable events, LineReader lines, Progress progress, short name, FilteredRows rows)
            throws IOException {
        String needle = text.toLowerCase(Locale.ROOT);
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
            rows.add(i);
        }
    }
}
