package dev.trestle.backup.internal.archive;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.trestle.backup.ArchiveFormat;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** Opens one frame's compressor or decompressor; closing a compressor ends its frame but not the file. */
final class Codecs {
    private static final int ZSTD_LEVEL = 3;
    /** Each compressing thread's output buffer, kept for its next frame. */
    private static final ThreadLocal<byte[]> OUT = ThreadLocal.withInitial(() -> new byte[0]);

    private Codecs() {}

    /** One complete frame of {@code plain[0, length)}, compressed in memory. */
    static byte[] compress(ArchiveFormat format, byte[] plain, int length) throws IOException {
        if (format == ArchiveFormat.TAR_ZST) {
            try (ZstdCompressCtx zstd = new ZstdCompressCtx()) {
                zstd.setLevel(ZSTD_LEVEL);
                zstd.setChecksum(true);
                int bound = (int) Zstd.compressBound(length);
                byte[] frame = OUT.get();
                if (frame.length < bound) {
                    // room to spare: frames differ a little in size, and each new array is megabytes of garbage
                    frame = new byte[bound + bound / 4];
                    OUT.set(frame);
                }
                int size = zstd.compressByteArray(frame, 0, frame.length, plain, 0, length);
                return Arrays.copyOf(frame, size);
            }
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream(length / 4 + 1024);
        try (OutputStream out = compressor(format, frame, 1)) {
            out.write(plain, 0, length);
        }
        return frame.toByteArray();
    }

    /**
     * Decompresses one whole frame held in memory into {@code into}, which must have room for {@code length} bytes.
     *
     * @return how many bytes it decompressed to; a frame that would not fit is reported as longer than {@code length}
     * @throws IOException if it does not decompress, or its checksum fails
     */
    static int decompress(ArchiveFormat format, byte[] frame, byte[] into, int length) throws IOException {
        if (format == ArchiveFormat.TAR_ZST) {
            try (ZstdDecompressCtx zstd = new ZstdDecompressCtx()) {
                long content = Zstd.getFrameContentSize(frame);
                if (content > length) {
                    return (int) Math.min(Integer.MAX_VALUE, content);
                }
                return zstd.decompressByteArray(into, 0, length, frame, 0, frame.length);
            } catch (ZstdException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        try (InputStream in = decompressor(format, new java.io.ByteArrayInputStream(frame))) {
            int n = in.readNBytes(into, 0, length);
            return n == length && in.read() >= 0 ? length + 1 : n;
        }
    }

    /** A streaming frame; zstd spreads it over {@code threads} (a single frame still, as any zstd reads it). */
    static OutputStream compressor(ArchiveFormat format, OutputStream file, int threads) throws IOException {
        OutputStream shield = new FilterOutputStream(file) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        return switch (format) {
            case TAR_ZST -> {
                ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(shield, ZSTD_LEVEL);
                // the frame checksum is what lets a damaged frame be told from a good one before any digest
                zstd.setChecksum(true);
                if (threads > 1) {
                    zstd.setWorkers(threads);
                }
                yield zstd;
            }
            case TAR_BZ2 -> new BZip2CompressorOutputStream(shield, BZip2CompressorOutputStream.MAX_BLOCKSIZE);
        };
    }

    /** Reads exactly one frame: a bzip2 reader told not to look for concatenated streams, zstd not continuous. */
    static InputStream decompressor(ArchiveFormat format, InputStream frame) throws IOException {
        return switch (format) {
            case TAR_ZST -> new ZstdInputStreamNoFinalizer(frame);
            case TAR_BZ2 -> new BZip2CompressorInputStream(frame, false);
        };
    }
}
