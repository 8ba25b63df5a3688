package dev.trestle.editor.text;

/**
 * A line's byte offsets: {@code start} to {@code contentEnd} is its text, {@code contentEnd} to {@code end} its
 * terminator (LF, CRLF, or nothing on the last line).
 */
public record LineRange(long line, long start, long contentEnd, long end) {
    public LineRange {
        if (line < 0 || start < 0 || contentEnd < start || end < contentEnd) {
            throw new IllegalArgumentException(
                    "line " + line + ": bad range start=" + start + " contentEnd=" + contentEnd + " end=" + end);
        }
    }
}
