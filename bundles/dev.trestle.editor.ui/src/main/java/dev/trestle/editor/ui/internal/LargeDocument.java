package dev.trestle.editor.ui.internal;

import dev.trestle.editor.text.LineRange;
import dev.trestle.editor.text.TextDocument;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.eclipse.jface.text.AbstractDocument;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.ILineTracker;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextStore;
import org.eclipse.jface.text.Region;

/**
 * A JFace document over a {@link TextDocument}, for files too large to load onto the heap. Every byte is one char,
 * so a char offset is the byte offset TextDocument uses: ASCII reads as itself, and other bytes are shown one char
 * each (as Latin-1). Edits go into TextDocument's piece tree; they may only insert ASCII and must not cut a UTF-8
 * sequence ({@link #editProblem} says why an edit is refused), so that a char stays a byte. Text is fetched one page
 * at a time and a few pages are cached, because JFace's scanners read char by char.
 *
 * <p>Lines come from TextDocument's line index. While the background index has not reached the end, the line count
 * is an estimate from the first megabytes (a little high, so that every real line is reachable) and lines past the
 * real end are empty lines at the end of the text: JFace asks for the line count before it paints anything, and an
 * exact count of a gigabyte file would cost a full read. {@link #settleLineCount()} makes the count exact.
 */
final class LargeDocument extends AbstractDocument implements AutoCloseable {
    /** Files beyond this cannot be addressed with JFace's int offsets. */
    static final long MAX_SIZE = Integer.MAX_VALUE - 1L;
    /** Bytes one edit may remove: JFace keeps the removed text as a string for undo. */
    static final int MAX_REMOVED = 16 << 20;

    private final TextDocument text;
    private final Store store;
    private final Lines lines;

    LargeDocument(TextDocument text, Path file) throws IOException {
        if (text.length() > MAX_SIZE) {
            throw new IOException(
                    file + " has " + text.length() + " bytes; the large-file view reads at most " + MAX_SIZE);
        }
        this.text = text;
        this.lines = new Lines(text);
        this.store = new Store(text, lines);
        setTextStore(store);
        setLineTracker(lines);
        completeInitialization();
    }

    TextDocument text() {
        return text;
    }

    /**
     * Not the whole text: a file this large is never built into one string. JFace's {@code TextViewer} asks for it
     * only when a document is set, to tell its text listeners that everything is to be redrawn (and keeps it in a
     * field afterwards); none of the listeners installed on the large-file view reads that text. Ranges
     * ({@link #get(int, int)}) and lines are served as usual.
     */
    @Override
    public String get() {
        return "";
    }

    /** True once a page with a byte outside ASCII has been shown (as Latin-1). */
    boolean sawNonAscii() {
        return store.sawNonAscii;
    }

    /** True while the line count is an estimate. */
    boolean lineCountEstimated() {
        return lines.estimated();
    }

    /**
     * Counts the remaining lines (at once if the background index is done) and reports the exact count from now on;
     * the caller tells the widget, whose idea of the line count was the estimate.
     */
    void settleLineCount() {
        lines.settle();
    }

    /** Why replacing {@code length} chars at {@code offset} by {@code inserted} would break char = byte, or null. */
    String editProblem(int offset, int length, String inserted) {
        for (int i = 0; i < inserted.length(); i++) {
            if (inserted.charAt(i) >= 0x80) {
                return "only ASCII can be typed into a large file (it is shown byte by byte)";
            }
        }
        if (length > MAX_REMOVED) {
            return "an edit of a large file may remove at most " + (MAX_REMOVED >> 20) + " MB at once";
        }
        if (splitsSequence(offset) || splitsSequence(offset + length)) {
            return "the edit would cut a multi-byte character in two";
        }
        return null;
    }

    /**
     * The start of the line holding {@code offset}, found by scanning back over the bytes (never by counting lines);
     * a line longer than {@code limit} bytes is cut at {@code offset} instead.
     */
    int lineStartNear(int offset, int limit) {
        int stop = Math.max(0, offset - limit);
        for (int i = offset; i > stop; i--) {
            if (store.get(i - 1) == '\n') {
                return i;
            }
        }
        return stop == 0 ? 0 : offset;
    }

    private boolean splitsSequence(int offset) {
        return offset > 0 && offset < getLength() && (store.get(offset) & 0xC0) == 0x80;
    }

    @Override
    public void close() {
        text.close();
    }

    /** Pages of {@link #PAGE} chars, the last {@link #CACHED} used kept; an edit drops them all. */
    static final class Store implements ITextStore {
        static final int PAGE = 1 << 16;
        private static final int CACHED = 8;

        private final TextDocument text;
        private final Lines lines;
        private final long[] pageIndex = new long[CACHED];
        private final String[] pages = new String[CACHED];
        private final byte[] buffer = new byte[PAGE];
        private int next;
        private boolean sawNonAscii;

        Store(TextDocument text, Lines lines) {
            this.text = text;
            this.lines = lines;
            Arrays.fill(pageIndex, -1);
        }

        @Override
        public char get(int offset) {
            return page(offset / PAGE).charAt(offset % PAGE);
        }

        @Override
        public String get(int offset, int length) {
            if (length == 0) {
                return "";
            }
            StringBuilder out = new StringBuilder(length);
            int end = offset + length;
            for (int at = offset; at < end; ) {
                int page = at / PAGE;
                int pageEnd = Math.min(end, (page + 1) * PAGE);
                out.append(page(page), at - page * PAGE, pageEnd - page * PAGE);
                at = pageEnd;
            }
            return out.toString();
        }

        @Override
        public int getLength() {
            return (int) text.length();
        }

        /**
         * {@code replacement}'s chars are its bytes: typing inserts ASCII only (see {@link LargeDocument#editProblem}),
         * and undo puts back chars read from this store.
         */
        @Override
        public void replace(int offset, int length, String replacement) {
            String inserted = replacement == null ? "" : replacement;
            long removedLineFeeds = length == 0 ? 0 : count(get(offset, length));
            // chars are bytes here: undo may put back bytes that are not UTF-8, so they go in as Latin-1
            if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(inserted)) {
                throw new IllegalArgumentException("a large file's view takes only chars that are bytes");
            }
            text.replaceBytes(offset, length, inserted.getBytes(StandardCharsets.ISO_8859_1));
            lines.edited(count(inserted) - removedLineFeeds);
            Arrays.fill(pageIndex, -1);
            Arrays.fill(pages, null);
        }

        @Override
        public void set(String text) {
            throw new UnsupportedOperationException("a large file is edited in place, never replaced as a whole");
        }

        private static long count(String s) {
            return s.chars().filter(c -> c == '\n').count();
        }

        private String page(int page) {
            for (int i = 0; i < CACHED; i++) {
                if (pageIndex[i] == page) {
                    return pages[i];
                }
            }
            long start = (long) page * PAGE;
            int size = (int) Math.min(PAGE, text.length() - start);
            text.read(start, buffer, 0, size);
            for (int i = 0; i < size && !sawNonAscii; i++) {
                sawNonAscii = buffer[i] < 0;
            }
            String loaded = new String(buffer, 0, size, StandardCharsets.ISO_8859_1);
            pageIndex[next] = page;
            pages[next] = loaded;
            next = (next + 1) % CACHED;
            return loaded;
        }
    }

    /**
     * JFace's lines from TextDocument's: LF or CRLF ends a line, and a final LF is followed by an empty line. The
     * TextDocument keeps its own lines up to date as it is edited, so {@link #replace} has nothing to do.
     */
    static final class Lines implements ILineTracker {
        private static final String[] DELIMITERS = {"\r\n", "\n"};
        /** Bytes whose lines are counted at once to estimate the rest. */
        static final long SAMPLE = 256L << 10;

        private final TextDocument text;
        /** The line count shown while the index runs, -1 once exact. */
        private long estimate = -1;

        Lines(TextDocument text) {
            this.text = text;
            if (text.lineCountIfKnown().isEmpty() && text.length() > SAMPLE) {
                // counted here from the bytes: the line index's lock may be busy with its first blocks
                byte[] head = new byte[(int) SAMPLE];
                text.read(0, head, 0, head.length);
                long lineFeeds = 0;
                for (byte b : head) {
                    lineFeeds += b == '\n' ? 1 : 0;
                }
                double perByte = (lineFeeds + 1) / (double) SAMPLE;
                // a quarter more than the sample suggests: lines past the real end are empty until the count settles
                estimate = Math.min(Integer.MAX_VALUE - 1, (long) (perByte * text.length() * 1.25) + 1000);
            }
        }

        boolean estimated() {
            return estimate >= 0;
        }

        void edited(long lineFeedsAdded) {
            if (estimate >= 0) {
                estimate += lineFeedsAdded;
            }
        }

        void settle() {
            estimate = -1;
        }

        /** The line's range, or null for a line past the real end while the count is an estimate. */
        private LineRange range(int line) throws BadLocationException {
            try {
                if (estimate >= 0 && line >= estimate) {
                    throw new IndexOutOfBoundsException("line " + line + " is past the estimate " + estimate);
                }
                return text.line(line);
            } catch (IndexOutOfBoundsException e) {
                if (estimate >= 0 && line >= 0 && line < estimate) {
                    return null;
                }
                throw new BadLocationException(e.getMessage());
            }
        }

        private int lineOf(int offset) throws BadLocationException {
            if (offset < 0 || offset > text.length()) {
                throw new BadLocationException("offset " + offset + " is outside 0.." + text.length());
            }
            long line = text.lineOfOffset(offset);
            // an estimate too low: the widget cannot show this line until the count settles, so show the last one
            return (int) (estimate >= 0 ? Math.min(line, estimate - 1) : line);
        }

        @Override
        public String[] getLegalLineDelimiters() {
            return DELIMITERS.clone();
        }

        @Override
        public String getLineDelimiter(int line) throws BadLocationException {
            LineRange range = range(line);
            if (range == null) {
                return null;
            }
            return switch ((int) (range.end() - range.contentEnd())) {
                case 0 -> null;
                case 1 -> "\n";
                default -> "\r\n";
            };
        }

        @Override
        public int computeNumberOfLines(String text) {
            int lines = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n') {
                    lines++;
                } else if (c == '\r') {
                    lines++;
                    if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
            }
            return lines;
        }

        @Override
        public int getNumberOfLines() {
            return (int) (estimate >= 0 ? estimate : text.lineCount());
        }

        @Override
        public int getNumberOfLines(int offset, int length) throws BadLocationException {
            if (length < 0) {
                throw new BadLocationException("negative length " + length);
            }
            return lineOf(offset + length) - lineOf(offset) + 1;
        }

        @Override
        public int getLineOffset(int line) throws BadLocationException {
            LineRange range = range(line);
            return range == null ? (int) text.length() : (int) range.start();
        }

        @Override
        public int getLineLength(int line) throws BadLocationException {
            LineRange range = range(line);
            return range == null ? 0 : (int) (range.end() - range.start());
        }

        @Override
        public int getLineNumberOfOffset(int offset) throws BadLocationException {
            return lineOf(offset);
        }

        @Override
        public IRegion getLineInformationOfOffset(int offset) throws BadLocationException {
            return getLineInformation(lineOf(offset));
        }

        @Override
        public IRegion getLineInformation(int line) throws BadLocationException {
            LineRange range = range(line);
            return range == null
                    ? new Region((int) text.length(), 0)
                    : new Region((int) range.start(), (int) (range.contentEnd() - range.start()));
        }

        @Override
        public void replace(int offset, int length, String text) {
            // the TextDocument's own line index follows its edits
        }

        @Override
        public void set(String text) {
            throw new UnsupportedOperationException("a large file is edited in place, never replaced as a whole");
        }
    }
}
