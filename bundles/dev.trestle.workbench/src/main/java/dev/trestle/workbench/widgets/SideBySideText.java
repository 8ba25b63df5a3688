package dev.trestle.workbench.widgets;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Chunk;
import com.github.difflib.patch.DeltaType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;

/**
 * Two versions of a text side by side, read-only, with the lines where they differ coloured as a line diff finds
 * them (Myers' algorithm, from java-diff-utils): lines only the left has in red, lines only the right has in green,
 * lines changed from one to the other in amber. A line that moved, or a repeated line that lost a copy, shows where
 * it differs, which asking "does the other side have this line anywhere" misses.
 *
 * <p>Display thread only.
 */
public final class SideBySideText {
    /** How much of a file is shown: the view is for reading, not for gigabyte diffs. */
    public static final int SHOWN_BYTES = 2 << 20;

    /**
     * Beyond this many differing lines on a side (after the lines both begin and end with), the middle is marked as
     * one change: the diff's time grows with the lines times the differences, seconds for two unrelated large files.
     */
    static final int MAX_DIFFED_LINES = 10_000;

    /** One side's coloured lines: the first (0-based), how many, and whether only this side has them. */
    public record Marked(int firstLine, int lines, boolean onlyHere) {}

    private final SashForm sides;
    private final StyledText left;
    private final StyledText right;
    private final Color onlyLeft;
    private final Color onlyRight;
    private final Color changed;
    private List<Marked> markedLeft = List.of();
    private List<Marked> markedRight = List.of();

    public SideBySideText(Composite parent) {
        sides = new SashForm(parent, SWT.HORIZONTAL);
        left = text(sides);
        right = text(sides);
        onlyLeft = new Color(255, 214, 214);
        onlyRight = new Color(214, 245, 214);
        changed = new Color(255, 236, 200);
        sides.addDisposeListener(e -> {
            onlyLeft.dispose();
            onlyRight.dispose();
            changed.dispose();
        });
    }

    /** The sash holding both sides, for the caller's layout. */
    public Control control() {
        return sides;
    }

    /** Shows both texts and colours their differences. */
    public void show(String leftText, String rightText) {
        left.setText(leftText);
        right.setText(rightText);
        List<String> leftLines = leftText.lines().toList();
        List<String> rightLines = rightText.lines().toList();
        List<Marked> onLeft = new ArrayList<>();
        List<Marked> onRight = new ArrayList<>();
        for (Difference d : differences(leftLines, rightLines)) {
            boolean both = d.leftLines() > 0 && d.rightLines() > 0;
            if (d.leftLines() > 0) {
                onLeft.add(new Marked(d.leftFirst(), d.leftLines(), !both));
            }
            if (d.rightLines() > 0) {
                onRight.add(new Marked(d.rightFirst(), d.rightLines(), !both));
            }
        }
        markedLeft = List.copyOf(onLeft);
        markedRight = List.copyOf(onRight);
        colour(left, markedLeft, onlyLeft);
        colour(right, markedRight, onlyRight);
    }

    public String leftText() {
        return left.getText();
    }

    public String rightText() {
        return right.getText();
    }

    /** The left side's coloured lines, top to bottom. */
    public List<Marked> markedLeft() {
        return markedLeft;
    }

    /** The right side's coloured lines, top to bottom. */
    public List<Marked> markedRight() {
        return markedRight;
    }

    /** The first {@link #SHOWN_BYTES} of a stream, as UTF-8. */
    public static String head(InputStream in) throws IOException {
        return new String(in.readNBytes(SHOWN_BYTES), StandardCharsets.UTF_8);
    }

    /** A run of lines that differ: where it is on each side and how long (0 where a side has none). */
    record Difference(int leftFirst, int leftLines, int rightFirst, int rightLines) {}

    /** The differing runs, top to bottom, as a line diff of the two has them. */
    static List<Difference> differences(List<String> leftLines, List<String> rightLines) {
        int start = 0;
        int leftEnd = leftLines.size();
        int rightEnd = rightLines.size();
        while (start < leftEnd && start < rightEnd && leftLines.get(start).equals(rightLines.get(start))) {
            start++;
        }
        while (leftEnd > start && rightEnd > start && leftLines.get(leftEnd - 1).equals(rightLines.get(rightEnd - 1))) {
            leftEnd--;
            rightEnd--;
        }
        if (start == leftEnd && start == rightEnd) {
            return List.of();
        }
        if (leftEnd - start > MAX_DIFFED_LINES || rightEnd - start > MAX_DIFFED_LINES) {
            return List.of(new Difference(start, leftEnd - start, start, rightEnd - start));
        }
        List<Difference> found = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(
                        leftLines.subList(start, leftEnd), rightLines.subList(start, rightEnd))
                .getDeltas()) {
            Chunk<String> source = delta.getSource();
            Chunk<String> target = delta.getTarget();
            found.add(new Difference(
                    start + source.getPosition(),
                    delta.getType() == DeltaType.INSERT ? 0 : source.size(),
                    start + target.getPosition(),
                    delta.getType() == DeltaType.DELETE ? 0 : target.size()));
        }
        return found;
    }

    private void colour(StyledText widget, List<Marked> marked, Color only) {
        int count = widget.getLineCount();
        widget.setLineBackground(0, count, null);
        for (Marked m : marked) {
            int first = Math.min(m.firstLine(), count);
            int lines = Math.min(m.lines(), count - first);
            if (lines > 0) {
                widget.setLineBackground(first, lines, m.onlyHere() ? only : changed);
            }
        }
    }

    private static StyledText text(Composite parent) {
        StyledText text = new StyledText(parent, SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL | SWT.READ_ONLY);
        text.setFont(JFaceResources.getTextFont());
        return text;
    }
}
