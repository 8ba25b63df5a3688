package dev.trestle.editor.ui.internal;

import dev.trestle.editor.text.LineRange;
import dev.trestle.editor.text.TextDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.eclipse.jface.text.AbstractDocument;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.ILineTracker;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextStore;
import org.eclipse.jface.text.Region;

/**
 * A read-only JFace document over a {@link TextDocument}, for files too large to load onto the heap. Every byte is one
 * char, so a char offset is the byte offset TextDocument uses: ASCII reads as itself, and a window that holds other
 * bytes is shown byte for byte as Latin-1 (read from the file, since TextDocument decodes UTF-8). Text is fetched one
 * page at a time and a few pages are cached, because JFace's scanners read char by char. Lines come from
 * TextDocument's line index, which scans on demand beyond what the background index has reached.
 */
final class LargeDocument extends AbstractDocument implements AutoCloseable {
    /** Files beyond this cannot be addressed with JFace's int offsets. */
    static final long MAX_SIZE = Integer.MAX_VALUE - 1L;

    private final TextDocument text;
    private final Store store;

    LargeDocument(TextDocument text, Path file) throws IOException {
        if (text.length() > MAX_SIZE) {
            throw new IOException(
                    file + " has " + text.length() + " bytes; the large-file view reads at most " + MAX_SIZE);
        }
        this.text = text;
        this.store = new Store(text, FileChannel.open(file, StandardOpenOption.READ));
        setTextStore(store);
        setLineTracker(new Lines(text));
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

    @Override
    public void close() {
        text.close();
        try {
            store.file.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the large-file view is read-only");
    }

    /** Pages of {@link #PAGE} chars, the last {@link #CACHED} used kept. */
    static final class Store implements ITextStore {
        static final int PAGE = 1 << 16;
        private static final int CACHED = 8;

        private final TextDocument text;
        private final FileChannel file;
        private final int length;
        private final long[] pageIndex = new long[CACHED];
        private final String[] pages = new String[CACHED];
        private int next;
        private boolean sawNonAscii;

        Store(TextDocument text, FileChannel file) {
            this.text = text;
            this.file = file;
            this.length = (int) text.length();
            java.util.Arrays.fill(pageIndex, -1);
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
            return length;
        }

        @Override
        public void replace(int offset, int length, String text) {
            throw readOnly();
        }

        @Override
        public void set(String text) {
            throw readOnly();
        }

        private String page(int page) {
            for (int i = 0; i < CACHED; i++) {
                if (pageIndex[i] == page) {
                    return pages[i];
                }
            }
            String loaded = load((long) page * PAGE, (int) Math.min(PAGE, length - (long) page * PAGE));
            pageIndex[next] = page;
            pages[next] = loaded;
            next = (next + 1) % CACHED;
            return loaded;
        }

        private String load(long start, int size) {
            try {
                String decoded = text.text(start, size);
                if (decoded.length() == size && isAscii(decoded)) {
                    return decoded;
                }
            } catch (IllegalArgumentException e) {
                // the page boundary splits a UTF-8 sequence: read the bytes as they are
            }
            sawNonAscii = true;
            ByteBuffer bytes = ByteBuffer.allocate(size);
            try {
                while (bytes.hasRemaining()) {
                    if (file.read(bytes, start + bytes.position()) < 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String(bytes.array(), 0, bytes.position(), StandardCharsets.ISO_8859_1);
        }

        private static boolean isAscii(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) >= 0x80) {
                    return false;
                }
            }
            return true;
        }
    }

    /** JFace's lines from TextDocument's: LF or CRLF ends a line, and a final LF is followed by an empty line. */
    static final class Lines implements ILineTracker {
        private static final String[] DELIMITERS = {"\r\n", "\n"};
        private final TextDocument text;

        Lines(TextDocument text) {
            this.text = text;
        }

        private LineRange range(int line) throws BadLocationException {
            try {
                return text.line(line);
            } catch (IndexOutOfBoundsException e) {
                throw new BadLocationException(e.getMessage());
            }
        }

        private int lineOf(int offset) throws BadLocationException {
            if (offset < 0 || offset > text.length()) {
                throw new BadLocationException("offset " + offset + " is outside 0.." + text.length());
            }
            return (int) text.lineOfOffset(offset);
        }

        @Override
        public String[] getLegalLineDelimiters() {
            return DELIMITERS.clone();
        }

        @Override
        public String getLineDelimiter(int line) throws BadLocationException {
            LineRange range = range(line);
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
            return (int) text.lineCount();
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
            return (int) range(line).start();
        }

        @Override
        public int getLineLength(int line) throws BadLocationException {
            LineRange range = range(line);
            return (int) (range.end() - range.start());
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
            return new Region((int) range.start(), (int) (range.contentEnd() - range.start()));
        }

        @Override
        public void replace(int offset, int length, String text) {
            throw readOnly();
        }

        @Override
        public void set(String text) {
            throw readOnly();
        }
    }
}
