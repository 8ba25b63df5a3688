package dev.trestle.backup.internal.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a file from the device rather than from the page cache, with {@code O_DIRECT}. A file written moments ago
 * is in the cache, so a cached read-back proves only that the kernel remembers what it was given, not that the
 * device holds it. Where {@code O_DIRECT} is refused (tmpfs, some FUSE file systems, or a framework that does not
 * expose {@code com.sun.nio.file}) the read is cached and {@link #bypassedCache()} says so.
 */
public final class DeviceInput extends InputStream {
    private static final int CHUNK = 4 << 20;
    private static final OpenOption DIRECT = directOption();
    private final FileChannel channel;
    private final ByteBuffer buffer;
    private boolean endOfFile;

    private DeviceInput(FileChannel channel, int alignment) {
        this.channel = channel;
        this.buffer = ByteBuffer.allocateDirect(CHUNK + alignment).alignedSlice(alignment);
        buffer.limit(0);
    }

    /** A stream that bypasses the cache if the file system allows it, else a plain buffered one. */
    public static InputStream open(Path file) throws IOException {
        InputStream direct = direct(file);
        return direct != null ? direct : cached(file);
    }

    /** A plain buffered stream, through the page cache. */
    public static InputStream cached(Path file) throws IOException {
        return new BufferedInputStream(Files.newInputStream(file, StandardOpenOption.READ), CHUNK);
    }

    public static boolean bypassedCache(InputStream in) {
        return in instanceof DeviceInput;
    }

    private static InputStream direct(Path file) throws IOException {
        int alignment = (int) Files.getFileStore(file).getBlockSize();
        FileChannel channel = directChannel(file);
        return channel == null ? null : new DeviceInput(channel, alignment);
    }

    /**
     * The file opened for reading with {@code O_DIRECT}, or null where that is refused: reads must then be whole
     * blocks of the file store's block size, from positions that are multiples of it, into aligned direct buffers.
     */
    static FileChannel directChannel(Path file) throws IOException {
        OpenOption direct = DIRECT;
        if (direct == null) {
            return null;
        }
        try {
            return FileChannel.open(file, StandardOpenOption.READ, direct);
        } catch (UnsupportedOperationException e) {
            // not offered on this platform: read cached
            return null;
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw e;
            }
            // the file system refuses O_DIRECT (EINVAL on tmpfs): read cached, and the caller says so
            return null;
        }
    }

    /**
     * {@code com.sun.nio.file.ExtendedOpenOption.DIRECT}, looked up through the platform class loader: javac warns on
     * a direct reference to it, and a bundle class loader does not see {@code com.sun.*} unless the framework
     * delegates it to the boot class path.
     */
    private static OpenOption directOption() {
        try {
            Class<?> options = ClassLoader.getPlatformClassLoader().loadClass("com.sun.nio.file.ExtendedOpenOption");
            for (Object option : options.getEnumConstants()) {
                if (option.toString().equals("DIRECT")) {
                    return (OpenOption) option;
                }
            }
            return null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (!buffer.hasRemaining()) {
            if (endOfFile) {
                return -1;
            }
            buffer.clear();
            // whole aligned chunks from aligned positions, as O_DIRECT requires; only the last read comes up short,
            // and after it the position is unaligned, so no further read may be issued
            int n = channel.read(buffer);
            buffer.flip();
            endOfFile = n < buffer.capacity();
            if (n <= 0) {
                return -1;
            }
        }
        int n = Math.min(len, buffer.remaining());
        buffer.get(b, off, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
