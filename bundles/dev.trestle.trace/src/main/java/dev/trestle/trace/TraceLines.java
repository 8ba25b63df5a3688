package dev.trestle.trace;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * Splits a Reader into numbered lines without reading it whole, so a gigabyte log costs no more heap than its longest
 * line. Unlike {@code BufferedReader.readLine()} it tells whether the last line ended with a newline: every tracer ends
 * its lines with one, so a missing newline means the log was cut. Lines longer than {@link #MAX_LINE} are cut there
 * and reported as not terminated, rather than exhausting memory.
 */
public final class TraceLines {
    public static final int MAX_LINE = 1 << 20;

    /** Receives the lines of {@link #read}. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @param terminated false for a last line without its newline, or a line cut at {@link #MAX_LINE}
         */
        void line(String text, long number, boolean terminated);
    }

    private TraceLines() {}

    /** Returns the number of lines read. */
    public static long read(Reader in, Handler handler) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(handler, "handler");
        char[] buffer = new char[8192];
        StringBuilder line = new StringBuilder(128);
        long number = 0;
        boolean skipping = false;
        int n;
        while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    if (!skipping) {
                        int end = line.length();
                        if (end > 0 && line.charAt(end - 1) == '\r') {
                            line.setLength(end - 1);
                        }
                        handler.line(line.toString(), ++number, true);
                    }
                    skipping = false;
                    line.setLength(0);
                } else if (!skipping) {
                    line.append(c);
                    if (line.length() >= MAX_LINE) {
                        handler.line(line.toString(), ++number, false);
                        line.setLength(0);
                        skipping = true;
                    }
                }
            }
        }
        if (line.length() > 0 && !skipping) {
            handler.line(line.toString(), ++number, false);
        }
        return number;
    }
}
