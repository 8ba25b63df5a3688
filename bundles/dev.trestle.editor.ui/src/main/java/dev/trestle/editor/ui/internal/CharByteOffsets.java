package dev.trestle.editor.ui.internal;

/**
 * Converts between a JFace document's char offsets and the byte offsets that the undo history's {@code Edit}s are
 * stored in: UTF-8 for text loaded whole ({@link Utf8Offsets}), one char per byte for a large file's view.
 */
interface CharByteOffsets {
    /** The large-file view's: every byte is shown as one char. */
    CharByteOffsets ONE_CHAR_PER_BYTE = new CharByteOffsets() {
        @Override
        public void inserting(String text) {
            // a char stays a byte whatever is inserted (LargeDocument refuses what would break that)
        }

        @Override
        public long toBytes(int charOffset) {
            return charOffset;
        }

        @Override
        public int toChars(long byteOffset) {
            return Math.toIntExact(byteOffset);
        }
    };

    /** Call before {@code text} is inserted, so later conversions know whether they may take a fast path. */
    void inserting(String text);

    long toBytes(int charOffset);

    int toChars(long byteOffset);
}
