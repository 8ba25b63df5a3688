package dev.trestle.editor.internal.text;

/** A run of {@code length} bytes of {@code source} from {@code start}; the document is the pieces in order. */
record Piece(ByteSource source, long start, long length) {
    Piece prefix(long bytes) {
        return new Piece(source, start, bytes);
    }

    Piece suffix(long from) {
        return new Piece(source, start + from, length - from);
    }

    long lineFeeds() {
        return source.countLineFeeds(start, start + length);
    }

    long lineFeedsInFirst(long bytes) {
        return source.countLineFeeds(start, start + bytes);
    }

    /** Offset within the piece of its {@code n}-th line feed, or {@code -1 - count} when it has fewer. */
    long nthLineFeed(long n) {
        long found = source.nthLineFeed(start, start + length, n);
        return found >= 0 ? found - start : found;
    }
}
