package dev.trestle.trace;

import java.util.ArrayList;
import java.util.List;

/** Counts every problem of a parse but keeps only the first few, for {@link ParseReport}. Not thread-safe. */
public final class ProblemLog {
    public static final int DEFAULT_KEPT = 20;

    private final int kept;
    private final List<ParseProblem> first = new ArrayList<>();
    private long count;

    public ProblemLog(int kept) {
        if (kept < 0) {
            throw new IllegalArgumentException("kept < 0: " + kept);
        }
        this.kept = kept;
    }

    public void add(long lineNumber, String reason, CharSequence line) {
        count++;
        if (first.size() < kept) {
            first.add(new ParseProblem(lineNumber, reason, excerpt(line)));
        }
    }

    public long count() {
        return count;
    }

    public ParseReport report(long lines, long events) {
        return new ParseReport(lines, events, count, first);
    }

    private static String excerpt(CharSequence line) {
        int end = Math.min(line.length(), ParseProblem.EXCERPT_LENGTH);
        StringBuilder b = new StringBuilder(end + 1);
        for (int i = 0; i < end; i++) {
            char c = line.charAt(i);
            // Control characters would garble the terminal or the problem view that shows the excerpt.
            b.append(c < ' ' && c != '\t' || c == 0x7f ? '?' : c);
        }
        if (end < line.length()) {
            b.append('…');
        }
        return b.toString();
    }
}
