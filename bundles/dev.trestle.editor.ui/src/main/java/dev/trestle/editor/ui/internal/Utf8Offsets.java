package dev.trestle.editor.ui.internal;

import org.eclipse.jface.text.IDocument;

/**
 * Converts between JFace's char offsets and the UTF-8 byte offsets that {@code Edit}s are stored in. While the
 * document is ASCII both are the same, which is the common case for source code and keeps typing O(1); after the first
 * non-ASCII character, conversions scan the text before the offset.
 */
final class Utf8Offsets implements CharByteOffsets {
    private final IDocument document;
    private boolean ascii;

    Utf8Offsets(IDocument document) {
        this.document = document;
        this.ascii = isAscii(document.get());
    }

    @Override
    public void inserting(String text) {
        ascii = ascii && isAscii(text);
    }

    @Override
    public long toBytes(int charOffset) {
        if (ascii) {
            return charOffset;
        }
        return utf8Length(document.get(), 0, charOffset);
    }

    @Override
    public int toChars(long byteOffset) {
        if (ascii) {
            return Math.toIntExact(byteOffset);
        }
        String text = document.get();
        long bytes = 0;
        int i = 0;
        while (i < text.length() && bytes < byteOffset) {
            // a surrogate pair is one code point: never stop between its halves
            int chars = Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length() ? 2 : 1;
            bytes += utf8Length(text, i, i + chars);
            i += chars;
        }
        if (bytes != byteOffset) {
            throw new IllegalArgumentException("byte offset " + byteOffset + " is not at a character boundary");
        }
        return i;
    }

    static long utf8Length(CharSequence text, int from, int to) {
        long length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)) {
                length += 4; // the low surrogate that follows adds nothing
            } else if (!Character.isLowSurrogate(c)) {
                length += 3;
            }
        }
        return length;
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
