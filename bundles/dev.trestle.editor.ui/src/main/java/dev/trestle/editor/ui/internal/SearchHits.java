package dev.trestle.editor.ui.internal;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IDocumentExtension4;

/**
 * The lines where the find bar's search matches, for the document map. Found again only when the search or the text
 * changed, and at most {@link #LIMIT} lines: more would paint the whole map one colour anyway.
 */
final class SearchHits {
    static final int LIMIT = 10_000;

    private String searched;
    private long stamp = IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
    private int[] lines = new int[0];

    int[] lines(IDocument document, Pattern pattern) {
        String key = pattern.flags() + "/" + pattern.pattern();
        long now = document instanceof IDocumentExtension4 stamped
                ? stamped.getModificationStamp()
                : IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP;
        if (key.equals(searched) && now == stamp && now != IDocumentExtension4.UNKNOWN_MODIFICATION_STAMP) {
            return lines;
        }
        int[] found = new int[16];
        int count = 0;
        Matcher matcher = pattern.matcher(document.get());
        try {
            int lastLine = -1;
            int from = 0;
            while (count < LIMIT && from <= document.getLength() && matcher.find(from)) {
                int line = document.getLineOfOffset(matcher.start());
                if (line != lastLine) {
                    if (count == found.length) {
                        found = Arrays.copyOf(found, count * 2);
                    }
                    found[count++] = line;
                    lastLine = line;
                }
                // past an empty match by one char, so that it is not found again
                from = matcher.end() == matcher.start() ? matcher.end() + 1 : matcher.end();
            }
        } catch (BadLocationException e) {
            // the text changed under the search; the next paint searches again
        }
        searched = key;
        stamp = now;
        lines = Arrays.copyOf(found, count);
        return lines;
    }
}
