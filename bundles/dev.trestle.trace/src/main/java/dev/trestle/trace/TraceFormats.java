package dev.trestle.trace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Tells trace formats apart by their content, so that a user can open a log without saying what wrote it. Reads only
 * the head of a file: every format announces itself in its first lines.
 */
public final class TraceFormats {
    public static final int HEAD_BYTES = 64 * 1024;
    private static final int MAX_LINES = 400;
    /** Fewer fitting lines than this share and the text is prose, source code or a format we do not know. */
    private static final double MIN_SHARE = 0.3;

    private TraceFormats() {}

    /** Reads at most {@link #HEAD_BYTES} of {@code in}; does not close it. */
    public static Detection detect(InputStream in) throws IOException {
        byte[] head = in.readNBytes(HEAD_BYTES);
        for (byte b : head) {
            if (b == 0) {
                return new Detection(TraceFormat.UNKNOWN, 1, "binary data (NUL bytes)");
            }
        }
        return detect(new String(head, StandardCharsets.UTF_8));
    }

    public static Detection detect(CharSequence text) {
        String[] lines = text.toString().split("\r?\n", MAX_LINES + 1);
        int last = Math.min(lines.length, MAX_LINES);
        if (lines.length > MAX_LINES || lines.length > 1 && !text.toString().endsWith("\n")) {
            last--; // the last line of a head is usually cut mid-way
        }
        if (isBinary(text)) {
            return new Detection(TraceFormat.UNKNOWN, 1, "binary data (control characters)");
        }
        LineEvidence evidence = new LineEvidence();
        int examined = 0;
        for (int i = 0; i < last; i++) {
            if (!lines[i].isBlank()) {
                examined++;
                evidence.line(lines[i]);
            }
        }
        if (examined == 0) {
            return new Detection(TraceFormat.UNKNOWN, 1, "no text");
        }
        TraceFormat best = TraceFormat.UNKNOWN;
        double bestScore = 0;
        for (Map.Entry<TraceFormat, Double> e : evidence.scores().entrySet()) {
            if (e.getValue() > bestScore) {
                best = e.getKey();
                bestScore = e.getValue();
            }
        }
        double share = Math.min(1, bestScore / examined);
        if (share < MIN_SHARE) {
            return new Detection(
                    TraceFormat.UNKNOWN,
                    1 - share,
                    "no trace format fits more than " + Math.round(share * 100) + "% of " + examined + " lines");
        }
        return new Detection(best, share, evidence.describe(best, bestScore, examined));
    }

    private static boolean isBinary(CharSequence text) {
        int control = 0;
        int n = Math.min(text.length(), 8192);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\n' && c != '\r' && c != '\t' || c == '\uFFFD') {
                control++;
            }
        }
        return n > 0 && control * 20 > n;
    }
}
