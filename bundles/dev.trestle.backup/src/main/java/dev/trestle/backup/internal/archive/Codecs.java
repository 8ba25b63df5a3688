package dev.trestle.backup.internal.archive;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.trestle.backup.ArchiveFormat;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** Opens one frame's compressor or decompressor; closing a compressor ends its frame but not the file. */
final class Codecs {
    private static final int ZSTD_LEVEL = 3;

    private Codecs() {}

    static OutputStream compressor(ArchiveFormat format, OutputStream file) throws IOException {
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
