package dev.trestle.editor.internal.text;

/**
 * Sizes a document works with. Tests make them tiny so that a few bytes of text cross chunk, block and window
 * boundaries; {@code indexInBackground = false} lets a test observe queries that outrun the index.
 */
record DocumentConfig(
        int chunkSize, int indexBlockSize, int searchWindow, int maxSearchWindow, boolean indexInBackground) {
    static final DocumentConfig DEFAULTS = new DocumentConfig(1 << 30, 16 << 10, 1 << 20, 64 << 20, true);

    DocumentConfig {
        if (chunkSize < 1 || indexBlockSize < 1 || searchWindow < 16 || maxSearchWindow < searchWindow) {
            throw new IllegalArgumentException("bad document sizes: chunk=" + chunkSize + " block=" + indexBlockSize
                    + " window=" + searchWindow + ".." + maxSearchWindow);
        }
    }
}
