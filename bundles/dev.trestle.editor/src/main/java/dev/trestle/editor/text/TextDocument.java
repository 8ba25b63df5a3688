package dev.trestle.editor.text;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The text of one file as the editor holds it.
 *
 * <p>Positions are <b>byte offsets into the UTF-8 encoding</b>, not char indexes: a file of gigabytes cannot be
 * decoded up front to learn where char {@code n} is, but byte {@code n} is found in O(log pieces). An offset must not
 * fall inside a multi-byte sequence; methods that take one reject it with the offset in the message. Lines are
 * numbered from 0 and end after a LF; the bytes of the file (CRLF or LF endings, a byte-order mark) are kept exactly,
 * and only inserted text is new.
 *
 * <p>Line numbers work before the background line index is complete: a query beyond it scans forward on demand. Not
 * thread-safe: one thread (the UI's) edits and reads; only the line index runs in the background.
 */
@ProviderType
public interface TextDocument extends Closeable {
    /** Length in bytes. */
    long length();

    /** Replaces {@code length} bytes at {@code offset} by {@code text} (encoded as UTF-8); returns the removed text. */
    String replace(long offset, long length, String text);

    /**
     * Replaces {@code length} bytes at {@code offset} by {@code bytes} exactly as given, for callers that show bytes
     * rather than decoded text (a large file's Latin-1 view) and must put back bytes that are not valid UTF-8.
     */
    void replaceBytes(long offset, long length, byte[] bytes);

    default void insert(long offset, String text) {
        replace(offset, 0, text);
    }

    default String delete(long offset, long length) {
        return replace(offset, length, "");
    }

    /**
     * Copies {@code length} bytes from {@code offset} as they are, for a view that shows bytes rather than decoded
     * text; offsets need not fall on UTF-8 sequence boundaries.
     */
    void read(long offset, byte[] target, int targetOffset, int length);

    /** Decodes {@code length} bytes from {@code offset}; bytes that are not UTF-8 become U+FFFD. */
    String text(long offset, int length);

    /** The line containing {@code offset} (a LF belongs to the line it ends). */
    long lineOfOffset(long offset);

    /**
     * The start of the line containing {@code offset}, found by scanning back to the previous LF without numbering
     * lines: how the end of a huge file is shown before its lines are counted.
     */
    long lineStartOf(long offset);

    /** Where {@code line} starts and ends; throws {@link IndexOutOfBoundsException} past the last line. */
    LineRange line(long line);

    /** The text of {@code line} without its line terminator. */
    default String lineText(long line) {
        LineRange range = line(line);
        return text(range.start(), Math.toIntExact(range.contentEnd() - range.start()));
    }

    /** Counts all lines, scanning what the background index has not reached yet. */
    long lineCount();

    /** The line count if known without scanning, i.e. once the line index is complete. */
    OptionalLong lineCountIfKnown();

    /** Completes when the background line index has reached the end of the file. */
    CompletableFuture<Void> lineIndexComplete();

    /** The line terminator the file uses (from its first line), for the UI to insert. */
    LineEnding lineEnding();

    /** The first match at or after {@code from}; the document is decoded one window at a time. */
    Optional<Match> find(long from, Pattern pattern);

    default Optional<Match> findLiteral(long from, String literal) {
        return find(from, Pattern.compile(literal, Pattern.LITERAL));
    }

    /** Writes the whole document, byte for byte, e.g. into {@code AtomicFiles.write}. */
    void writeTo(OutputStream out) throws IOException;

    /** Stops the background line index; the document must not be used afterwards. */
    @Override
    void close();
}
