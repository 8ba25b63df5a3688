package dev.trestle.editor.internal.text;

import dev.trestle.editor.text.Match;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Regular-expression search that decodes one window of the document at a time. A window that the matcher ran off the
 * end of ({@link Matcher#hitEnd()}) is doubled and searched again, so matches longer than a window are found up to
 * {@code maxWindow}; beyond that a match crossing a window's end can be missed. The text of the line before the
 * window is given as transparent context, so {@code ^}, {@code \b} and look-behind see what precedes it.
 */
final class WindowedSearch {
    private static final int CONTEXT_BYTES = 1024;
    private final PieceTreeDocument document;
    private final int window;
    private final int maxWindow;

    WindowedSearch(PieceTreeDocument document, int window, int maxWindow) {
        this.document = document;
        this.window = window;
        this.maxWindow = maxWindow;
    }

    Optional<Match> find(long from, Pattern pattern) {
        long length = document.length();
        long position = from;
        int size = window;
        while (true) {
            long end = document.alignBackward(Math.min(length, position + size));
            String head = document.text(contextStart(position), (int) (position - contextStart(position)));
            String text = head + document.text(position, (int) (end - position));
            Matcher matcher = pattern.matcher(text);
            matcher.useTransparentBounds(true).useAnchoringBounds(false).region(head.length(), text.length());
            boolean found = matcher.find();
            if (matcher.hitEnd() && end < length && size < maxWindow) {
                size = (int) Math.min(maxWindow, 2L * size);
                continue;
            }
            if (found) {
                return Optional.of(new Match(
                        position + utf8Length(text, head.length(), matcher.start()),
                        position + utf8Length(text, head.length(), matcher.end())));
            }
            if (end >= length) {
                return Optional.empty();
            }
            position = end;
            size = window;
        }
    }

    private long contextStart(long position) {
        long start = Math.max(0, position - CONTEXT_BYTES);
        String before = document.text(document.alignForward(start), (int) (position - document.alignForward(start)));
        int lineFeed = before.lastIndexOf('\n');
        return lineFeed < 0
                ? document.alignForward(start)
                : position - utf8Length(before, lineFeed + 1, before.length());
    }

    static long utf8Length(CharSequence text, int from, int to) {
        long bytes = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
