package dev.trestle.backup.internal.archive;

/**
 * One independently compressed piece of the archive: a zstd frame or a bzip2 stream. Frames are contiguous, so the
 * last one's end is the file's expected size.
 *
 * @param offset where its compressed bytes start in the archive file
 * @param length how many compressed bytes it has
 * @param plainOffset where its content starts in the tar stream
 * @param plainLength how many bytes of the tar stream it holds
 */
public record Frame(long offset, long length, long plainOffset, long plainLength) {
    public long end() {
        return offset + length;
    }
}
