package dev.trestle.trace.strace;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * Splits a Reader into lines inside one reused buffer, so a gigabyte log needs no more heap than its longest line.
 * Unlike {@code BufferedReader.readLine()} it tells whether the last line ended with a newline: strace always writes
 * one, so a missing newline means the log was cut.
 */
final class LineSource {
    interface Lines {
        void line(char[] b, int from, int end, long number);

        void problem(char[] b, int from, int end, long number, String reason);
    }

    static final int MAX_LINE = 1 << 20;

    private LineSource() {}

    /** Returns the number of lines read. */
    static long read(Reader in, Lines lines) throws IOException {
        char[] b = new char[1 << 16];
        int start = 0;
        int filled = 0;
        long number = 0;
        boolean skippingLongLine = false;
        while (true) {
            if (filled == b.length) {
                if (start > 0) {
                    System.arraycopy(b, start, b, 0, filled - start);
                    filled -= start;
                    start = 0;
                } else if (b.length < MAX_LINE) {
                    b = Arrays.copyOf(b, Math.min(b.length * 2, MAX_LINE));
                } else {
                    if (!skippingLongLine) {
                        lines.problem(b, 0, filled, number + 1, "line longer than " + MAX_LINE + " characters");
                    }
                    skippingLongLine = true;
                    filled = 0;
                }
            }
            int n = in.read(b, filled, b.length - filled);
            if (n < 0) {
                break;
            }
            int scanFrom = filled;
            filled += n;
            for (int i = scanFrom; i < filled; i++) {
                if (b[i] == '\n') {
                    number++;
                    int end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                    if (!skippingLongLine) {
                        lines.line(b, start, end, number);
                    }
                    skippingLongLine = false;
                    start = i + 1;
                }
            }
            if (start == filled) {
                start = 0;
                filled = 0;
            }
        }
        if (filled > start && !skippingLongLine) {
            number++;
            lines.problem(b, start, filled, number, "last line cut short (no newline at the end of the log)");
        }
        return number;
    }
}
