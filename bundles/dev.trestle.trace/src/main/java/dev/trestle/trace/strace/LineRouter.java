package dev.trestle.trace.strace;

import java.util.Arrays;

/**
 * Deals with what strace writes besides trace lines before the {@link LineScanner} sees them: its own messages
 * ({@code strace: Process 1234 attached}), which with -f on stderr can land in the middle of a trace line and push
 * the rest of it to the next line; and the {@code -C} summary table at the end.
 */
final class LineRouter implements LineSource.Lines {
    private static final byte[] ATTACHED = Syntax.ascii("strace: Process ");
    private static final byte[] STRACE = Syntax.ascii("strace: ");
    private static final byte[] TABLE = Syntax.ascii("% time ");
    private static final byte[] TABLE_END = Syntax.ascii(" total");
    private static final byte[] ATTACHED_END = Syntax.ascii(" attached");

    private final LineScanner scanner;
    private final LineScanner.Parts events;
    private byte[] carried;
    private long carriedLine;
    private boolean inSummaryTable;

    LineRouter(LineScanner scanner, LineScanner.Parts events) {
        this.scanner = scanner;
        this.events = events;
    }

    @Override
    public void line(byte[] b, int from, int end, long number) {
        if (carried != null) {
            byte[] joined = new byte[carried.length + end - from];
            System.arraycopy(carried, 0, joined, 0, carried.length);
            System.arraycopy(b, from, joined, carried.length, end - from);
            carried = null;
            line(joined, 0, joined.length, carriedLine);
            return;
        }
        if (Syntax.startsWith(b, from, end, STRACE)) {
            return;
        }
        if (inSummaryTable || Syntax.startsWith(b, from, end, TABLE)) {
            inSummaryTable = !Syntax.endsWith(b, from, end, TABLE_END);
            return;
        }
        if (Syntax.endsWith(b, from, end, ATTACHED_END)) {
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
    public void problem(byte[] b, int from, int end, long number, String reason) {
        if (carried != null) {
            events.problem(carriedLine, "line cut short by an strace message", carried, 0, carried.length);
            carried = null;
        }
        events.problem(number, reason, b, from, end);
    }

    /**
     * Whether the next line is read the same no matter what came before: not the rest of a line cut by an strace
     * message, and not inside the -C table. A log may be split for parallel parsing only where this holds.
     */
    boolean settled() {
        return carried == null && !inSummaryTable;
    }

    /** Called at the end: a line whose rest never came is a problem too. */
    void finish() {
        if (carried != null) {
            events.problem(carriedLine, "line cut short by an strace message", carried, 0, carried.length);
            carried = null;
        }
    }

    private static int indexOf(byte[] b, int from, int end, byte[] text) {
        for (int i = end - text.length; i >= from; i--) {
            if (Syntax.startsWith(b, i, end, text)) {
                return i;
            }
        }
        return -1;
    }
}
