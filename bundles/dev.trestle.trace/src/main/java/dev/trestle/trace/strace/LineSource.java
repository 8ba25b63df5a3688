package dev.trestle.trace.strace;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Splits bytes into lines inside one reused buffer, so a gigabyte log needs no more heap than its longest line. Bytes,
 * not chars: strace output is ASCII apart from copied program output, so decoding every line would be wasted work;
 * consumers decode the few fields they keep. Unlike {@code BufferedReader.readLine()} it tells whether the last line
 * ended with a newline: strace always writes one, so a missing newline means the log was cut.
 */
final class LineSource {
    interface Lines {
        void line(byte[] b, int from, int end, long number);

        void problem(byte[] b, int from, int end, long number, String reason);
    }

    static final int MAX_LINE = 1 << 20;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    static final int BUFFER = 1 << 16;

    private LineSource() {}

    /** Returns the number of lines read. */
    static long read(InputStream in, Lines lines) throws IOException {
        return read(in, lines, null);
    }

    /**
     * Like {@link #read(InputStream, Lines)}, but each line is first offered to {@code calls} (when not null), which
     * counts it and finds its end in one pass, or leaves it to {@code lines}.
     */
    static long read(InputStream in, Lines lines, CompleteCalls calls) throws IOException {
        byte[] b = new byte[BUFFER];
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
                        lines.problem(b, 0, filled, number + 1, "line longer than " + MAX_LINE + " bytes");
                    }
                    skippingLongLine = true;
                    filled = 0;
                }
            }
            int n = in.read(b, filled, b.length - filled);
            if (n < 0) {
                break;
            }
            int i = filled;
            filled += n;
            while (true) {
                if (calls != null && !skippingLongLine && start < filled) {
                    int counted = calls.line(b, start, filled);
                    if (counted >= 0) {
                        number++;
                        start = counted + 1;
                        i = Math.max(i, start);
                        continue;
                    }
                }
                i = newline(b, Math.max(i, start), filled);
                if (i < 0) {
                    break;
                }
                number++;
                int end = i > start && b[i - 1] == '\r' ? i - 1 : i;
                if (!skippingLongLine) {
                    lines.line(b, start, end, number);
                }
                skippingLongLine = false;
                start = ++i;
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

    /**
     * Looks at eight bytes per step (the zero-byte test of "Bit Twiddling Hacks" on {@code word ^ '\n'*8}): finding
     * line ends is a quarter of the work otherwise, even more under the launcher's C1-only JIT.
     */
    static int newline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long zero = Syntax.zeroBytes((long) LONGS.get(b, i) ^ NEWLINES);
            if (zero != 0) {
                return i + Syntax.firstMarked(zero);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
