package dev.trestle.cli.internal.server;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a request's fields: each ends with a NUL byte, the one byte no argument, path or environment entry can
 * hold, so the client writes them with a plain {@code printf '%s\0'} and any other byte arrives intact.
 */
final class Fields {
    private static final int MAX_FIELD = 1 << 20;
    private static final int MAX_COUNT = 100_000;

    private final InputStream in;
    private final Charset charset;

    Fields(InputStream in, Charset charset) {
        this.in = in;
        this.charset = charset;
    }

    String next() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the request ended early");
            }
            if (bytes.size() == MAX_FIELD) {
                throw new IOException("a field longer than " + MAX_FIELD + " bytes");
            }
            bytes.write(b);
        }
        return bytes.toString(charset);
    }

    /** A count followed by that many fields. */
    List<String> list() throws IOException {
        String count = next();
        int size;
        try {
            size = Integer.parseInt(count);
        } catch (NumberFormatException e) {
            throw new IOException("not a count: " + count, e);
        }
        if (size < 0 || size > MAX_COUNT) {
            throw new IOException("too many fields: " + size);
        }
        List<String> fields = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            fields.add(next());
        }
        return fields;
    }
}
