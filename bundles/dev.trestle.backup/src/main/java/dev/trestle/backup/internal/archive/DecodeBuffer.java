package dev.trestle.backup.internal.archive;

/**
 * Each thread's buffer for the frame it decompresses, kept for its next frame: frames are megabytes, there are
 * hundreds of them, and a new array for each was most of a backup's garbage.
 */
final class DecodeBuffer {
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[0]);

    private DecodeBuffer() {}

    /** This thread's buffer, of at least {@code length} bytes. */
    static byte[] atLeast(int length) {
        byte[] buffer = BUFFER.get();
        if (buffer.length < length) {
            // room to spare: frames differ a little in size, and growing by exactly the shortfall would grow again
            buffer = new byte[length + length / 4];
            BUFFER.set(buffer);
        }
        return buffer;
    }
}
