package dev.trestle.trace.strace;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A Reader as UTF-8 bytes, for callers that hold the log as text: the parser reads bytes. A lone surrogate, which no
 * decoded log contains, becomes {@code ?}.
 */
final class EncodedReader extends InputStream {
    private static final int CHARS = 1 << 13;

    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final char[] text = new char[CHARS];
    private final CharBuffer chars = CharBuffer.wrap(text).limit(0);
    // three bytes per char at most, four per surrogate pair
    private final ByteBuffer bytes = ByteBuffer.allocate(3 * CHARS + 8).limit(0);
    private boolean ended;

    EncodedReader(Reader in) {
        this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        while (!bytes.hasRemaining()) {
            if (ended) {
                return -1;
            }
            fill();
        }
        int n = Math.min(len, bytes.remaining());
        bytes.get(b, off, n);
        return n;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    /** Encodes the next chars; a high surrogate at the end of a read waits in {@link #chars} for its pair. */
    private void fill() throws IOException {
        chars.compact();
        int n = in.read(text, chars.position(), chars.remaining());
        if (n > 0) {
            chars.position(chars.position() + n);
        }
        chars.flip();
        bytes.clear();
        encoder.encode(chars, bytes, n < 0);
        if (n < 0) {
            encoder.flush(bytes);
            ended = true;
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
