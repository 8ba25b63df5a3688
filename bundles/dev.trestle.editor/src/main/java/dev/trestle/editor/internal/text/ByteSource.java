package dev.trestle.editor.internal.text;

/** Immutable bytes that pieces point into: the mapped original file or the buffer of inserted text. */
interface ByteSource {
    void read(long position, byte[] target, int offset, int length);

    /** Line feeds in {@code [start, end)}. */
    long countLineFeeds(long start, long end);

    /**
     * The position of the {@code n}-th (from 1) line feed in {@code [start, end)}, or {@code -1 - count} when the
     * range holds only {@code count < n}: one call answers both, so a source need not scan the range twice.
     */
    long nthLineFeed(long start, long end, long n);
}
