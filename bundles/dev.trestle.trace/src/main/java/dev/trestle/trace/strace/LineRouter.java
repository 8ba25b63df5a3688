package dev.trestle.trace.strace;

import java.util.Arrays;

/**
 * Deals with what strace writes besides trace lines before the {@link LineScanner} sees them: its own messages
 * ({@code strace: Process 1234 attached}), which with -f on stderr can land in the middle of a trace line and push
 * the rest of it to the next line; and the {@code -C} summary table at the end.
 */
final class LineRouter implements LineSource.Lines {
    private static final String ATTACHED = "strace: Process ";

    private final LineScanner scanner;
    private final EventAssembler events;
    private char[] carried;
    private long carriedLine;
    private boolean inSummaryTable;

    LineRouter(LineScanner scanner, EventAssembler events) {
        this.scanner = scanner;
        this.events = events;
    }

    @Override
    public void line(char[] b, int from, int end, long number) {
        if (carried != null) {
            char[] joined = new char[carried.length + end - from];
            System.arraycopy(carried, 0, joined, 0, carried.length);
            System.arraycopy(b, from, joined, carried.length, end - from);
            carried = null;
            line(joined, 0, joined.length, carriedLine);
            return;
        }
        if (Syntax.startsWith(b, from, end, "strace: ")) {
            return;
        }
        if (inSummaryTable || Syntax.startsWith(b, from, end, "% time ")) {
            inSummaryTable = !Syntax.endsWith(b, from, end, " total");
            return;
        }
        if (Syntax.endsWith(b, from, end, " attached")) {
            int notice = indexOf(b, from, end, ATTACHED);
            if (notice > from) {
                carried = Arrays.copyOfRange(b, from, notice);
                carriedLine = number;
                return;
            }
        }
        scanner.line(b, from, end, number);
    }

    @Override
    public void problem(char[] b, int from, int end, long number, String reason) {
        if (carried != null) {
            events.problem(carriedLine, "line cut short by an strace message", carried, 0, carried.length);
            carried = null;
        }
        events.problem(number, reason, b, from, end);
    }

    /** Called at the end: a line whose rest never came is a problem too. */
    void finish() {
        if (carried != null) {
            events.problem(carriedLine, "line cut short by an strace message", carried, 0, carried.length);
            carried = null;
        }
    }

    private static int indexOf(char[] b, int from, int end, String text) {
        for (int i = end - text.length(); i >= from; i--) {
            if (Syntax.startsWith(b, i, end, text)) {
                return i;
            }
        }
        return -1;
    }
}
