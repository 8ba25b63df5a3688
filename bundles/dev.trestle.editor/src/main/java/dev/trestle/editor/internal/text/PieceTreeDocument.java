package dev.trestle.editor.internal.text;

import dev.trestle.editor.text.LineEnding;
import dev.trestle.editor.text.LineRange;
import dev.trestle.editor.text.Match;
import dev.trestle.editor.text.TextDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

/** A {@link TextDocument} over a {@link PieceTree}; validates offsets here so the tree can trust them. */
public final class PieceTreeDocument implements TextDocument {
    private static final System.Logger LOG = System.getLogger(PieceTreeDocument.class.getName());
    static final int LINE_ENDING_PROBE = 4096;
    private final PieceTree tree;
    private final IndexedFile original;
    private final MappedFile mapped;
    private final WindowedSearch search;
    private final LineEnding lineEnding;
    private volatile boolean closed;

    private PieceTreeDocument(MappedFile mapped, DocumentConfig config) {
        this.mapped = mapped;
        this.original = mapped == null ? null : new IndexedFile(mapped, config.indexBlockSize());
        this.tree = new PieceTree(original, mapped == null ? 0 : mapped.size());
        this.search = new WindowedSearch(this, config.searchWindow(), config.maxSearchWindow());
        this.lineEnding = detectLineEnding();
    }

    public static PieceTreeDocument open(Path file, DocumentConfig config) throws IOException {
        PieceTreeDocument document = new PieceTreeDocument(new MappedFile(file, config.chunkSize()), config);
        if (config.indexInBackground()) {
            Thread indexer =
                    new Thread(() -> document.original.indexToEnd(() -> document.closed), "trestle-line-index " + file);
            indexer.setDaemon(true);
            indexer.setUncaughtExceptionHandler((thread, e) -> LOG.log(
                    System.Logger.Level.WARNING, "indexing " + file + " stopped; lines are counted on demand", e));
            indexer.start();
        }
        return document;
    }

    public static PieceTreeDocument of(String text, DocumentConfig config) {
        PieceTreeDocument document = new PieceTreeDocument(null, config);
        document.insert(0, text);
        return document;
    }

    @Override
    public long length() {
        return tree.length();
    }

    @Override
    public String replace(long offset, long length, String text) {
        checkRange(offset, length);
        String removed = text(offset, Math.toIntExact(length));
        tree.delete(offset, length);
        tree.insert(offset, text.getBytes(StandardCharsets.UTF_8));
        return removed;
    }

    @Override
    public void replaceBytes(long offset, long length, byte[] bytes) {
        checkBounds(offset, length); // bytes, not text: a range may cut a sequence that is not UTF-8 anyway
        tree.delete(offset, length);
        tree.insert(offset, bytes.clone());
    }

    @Override
    public void read(long offset, byte[] target, int targetOffset, int length) {
        if (offset < 0 || length < 0 || offset > length() - length) {
            throw new IndexOutOfBoundsException(
                    "range " + offset + "+" + length + " is outside the document of " + length() + " bytes");
        }
        java.util.Objects.checkFromIndexSize(targetOffset, length, target.length);
        tree.read(offset, target, targetOffset, length);
    }

    @Override
    public String text(long offset, int length) {
        checkRange(offset, length);
        byte[] bytes = new byte[length];
        tree.read(offset, bytes, 0, length);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public long lineOfOffset(long offset) {
        checkRange(offset, 0);
        return tree.lineFeedsBefore(offset);
    }

    @Override
    public long lineStartOf(long offset) {
        checkRange(offset, 0);
        byte[] block = new byte[4096];
        for (long end = offset; end > 0; end -= block.length) {
            int n = (int) Math.min(block.length, end);
            tree.read(end - n, block, 0, n);
            for (int i = n - 1; i >= 0; i--) {
                if (block[i] == '\n' && end - n + i < offset) {
                    return end - n + i + 1;
                }
            }
        }
        return 0;
    }

    @Override
    public LineRange line(long line) {
        if (line < 0) {
            throw new IndexOutOfBoundsException("line " + line + " < 0");
        }
        long start = 0;
        if (line > 0) {
            long lineFeed = tree.positionOfLineFeed(line);
            if (lineFeed < 0) {
                throw new IndexOutOfBoundsException("line " + line + " is past the last line " + (lineCount() - 1));
            }
            start = lineFeed + 1;
        }
        long next = tree.positionOfLineFeed(line + 1);
        if (next < 0) {
            return new LineRange(line, start, length(), length());
        }
        boolean crlf = next > start && byteAt(next - 1) == '\r';
        return new LineRange(line, start, crlf ? next - 1 : next, next + 1);
    }

    @Override
    public long lineCount() {
        return tree.lineFeedsBefore(length()) + 1;
    }

    @Override
    public OptionalLong lineCountIfKnown() {
        return original == null || original.complete().isDone() ? OptionalLong.of(lineCount()) : OptionalLong.empty();
    }

    @Override
    public CompletableFuture<Void> lineIndexComplete() {
        return original == null
                ? CompletableFuture.completedFuture(null)
                : original.complete().copy();
    }

    /** Bytes of the original file the line index has counted (tests check that queries outrun it). */
    long indexedBytes() {
        return original == null ? 0 : original.indexedBytes();
    }

    int mappedChunks() {
        return mapped == null ? 0 : mapped.mappedChunks();
    }

    @Override
    public LineEnding lineEnding() {
        return lineEnding;
    }

    @Override
    public Optional<Match> find(long from, Pattern pattern) {
        checkRange(from, 0);
        return search.find(from, pattern);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        byte[] buffer = new byte[64 << 10];
        for (long position = 0; position < length(); position += buffer.length) {
            int n = (int) Math.min(buffer.length, length() - position);
            tree.read(position, buffer, 0, n);
            out.write(buffer, 0, n);
        }
    }

    @Override
    public void close() {
        closed = true;
        if (mapped != null) {
            try {
                mapped.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close " + mapped, e);
            }
        }
    }

    byte byteAt(long offset) {
        byte[] one = new byte[1];
        tree.read(offset, one, 0, 1);
        return one[0];
    }

    /** Moves {@code offset} back to the start of the UTF-8 sequence it falls in. */
    long alignBackward(long offset) {
        while (offset > 0 && offset < length() && isContinuation(offset)) {
            offset--;
        }
        return offset;
    }

    long alignForward(long offset) {
        while (offset < length() && isContinuation(offset)) {
            offset++;
        }
        return offset;
    }

    private boolean isContinuation(long offset) {
        return (byteAt(offset) & 0xC0) == 0x80;
    }

    private void checkBounds(long offset, long length) {
        if (offset < 0 || length < 0 || offset > length() - length) {
            throw new IndexOutOfBoundsException(
                    "range " + offset + "+" + length + " is outside the document of " + length() + " bytes");
        }
    }

    private void checkRange(long offset, long length) {
        checkBounds(offset, length);
        if (insideSequence(offset) || insideSequence(offset + length)) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " splits a UTF-8 sequence");
        }
    }

    private boolean insideSequence(long offset) {
        return offset < length() && isContinuation(offset);
    }

    /** From the first LF within {@link #LINE_ENDING_PROBE} bytes; a longer first line says nothing, so LF. */
    private LineEnding detectLineEnding() {
        int probe = (int) Math.min(length(), LINE_ENDING_PROBE);
        byte[] head = new byte[probe];
        tree.read(0, head, 0, probe);
        for (int i = 0; i < probe; i++) {
            if (head[i] == '\n') {
                return i > 0 && head[i - 1] == '\r' ? LineEnding.CRLF : LineEnding.LF;
            }
        }
        return LineEnding.LF;
    }
}
