package dev.trestle.editor.text;

/** A search hit: byte offsets {@code start} (inclusive) to {@code end} (exclusive). */
public record Match(long start, long end) {
    public Match {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad match range " + start + ".." + end);
        }
    }
}
