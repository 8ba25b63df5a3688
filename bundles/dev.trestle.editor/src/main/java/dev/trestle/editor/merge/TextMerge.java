package dev.trestle.editor.merge;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges two texts changed independently from one base, line by line (diff3): a change made on one side only is
 * taken; the same change on both sides is taken once; different changes to the same or touching lines are a conflict,
 * written between {@code <<<<<<<}, {@code =======} and {@code >>>>>>>} lines as git and diff3 write them, so the
 * user sees both and nothing is lost.
 */
public final class TextMerge {
    /** The merged text and how many conflicts it holds between markers. */
    public record Result(String text, int conflicts) {}

    private record Hunk(boolean mine, int start, int end, List<String> lines) {}

    private TextMerge() {}

    /**
     * @param mineLabel names the first side in conflict markers (the editor's text, say)
     * @param theirsLabel names the second (the file on disk)
     */
    public static Result merge(String base, String mine, String theirs, String mineLabel, String theirsLabel) {
        List<String> baseLines = lines(base);
        List<Hunk> hunks = new ArrayList<>();
        hunks.addAll(hunks(baseLines, lines(mine), true));
        hunks.addAll(hunks(baseLines, lines(theirs), false));
        hunks.sort(Comparator.comparingInt(Hunk::start).thenComparingInt(Hunk::end));

        StringBuilder out = new StringBuilder();
        int conflicts = 0;
        int at = 0;
        for (int i = 0; i < hunks.size(); ) {
            int groupStart = hunks.get(i).start();
            int groupEnd = hunks.get(i).end();
            int j = i + 1;
            // changes that overlap or touch are one group: both sides' edits of it must agree
            while (j < hunks.size() && hunks.get(j).start() <= groupEnd) {
                groupEnd = Math.max(groupEnd, hunks.get(j).end());
                j++;
            }
            List<Hunk> group = hunks.subList(i, j);
            append(out, baseLines, at, groupStart);
            String mineVersion = version(baseLines, group, true, groupStart, groupEnd);
            String theirsVersion = version(baseLines, group, false, groupStart, groupEnd);
            boolean mineChanged = group.stream().anyMatch(Hunk::mine);
            boolean theirsChanged = group.stream().anyMatch(h -> !h.mine());
            if (!(mineChanged && theirsChanged) || mineVersion.equals(theirsVersion)) {
                out.append(mineChanged ? mineVersion : theirsVersion);
            } else {
                conflicts++;
                out.append("<<<<<<< ").append(mineLabel).append('\n');
                appendEndingLine(out, mineVersion);
                out.append("=======\n");
                appendEndingLine(out, theirsVersion);
                out.append(">>>>>>> ").append(theirsLabel).append('\n');
            }
            at = groupEnd;
            i = j;
        }
        append(out, baseLines, at, baseLines.size());
        return new Result(out.toString(), conflicts);
    }

    /** The base's lines {@code from..to} with one side's hunks of the group applied. */
    private static String version(List<String> base, List<Hunk> group, boolean mine, int from, int to) {
        StringBuilder text = new StringBuilder();
        int at = from;
        for (Hunk hunk : group) {
            if (hunk.mine() == mine) {
                append(text, base, at, hunk.start());
                hunk.lines().forEach(text::append);
                at = hunk.end();
            }
        }
        append(text, base, at, to);
        return text.toString();
    }

    private static List<Hunk> hunks(List<String> base, List<String> changed, boolean mine) {
        List<Hunk> hunks = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(base, changed).getDeltas()) {
            int start = delta.getSource().getPosition();
            hunks.add(new Hunk(
                    mine,
                    start,
                    start + delta.getSource().size(),
                    delta.getTarget().getLines()));
        }
        return hunks;
    }

    /** Lines with their terminators, so the merge writes back exactly the line endings each side had. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    private static void append(StringBuilder out, List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            out.append(lines.get(i));
        }
    }

    /** A side's text inside markers ends with a line break, so that the marker after it starts a line. */
    private static void appendEndingLine(StringBuilder out, String text) {
        out.append(text);
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            out.append('\n');
        }
    }
}
