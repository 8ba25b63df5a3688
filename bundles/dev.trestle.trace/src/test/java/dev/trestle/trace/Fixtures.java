package dev.trestle.trace;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test fixtures from src/test/resources, and readers that stress a streaming parser. */
public final class Fixtures {
    private Fixtures() {}

    public static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(String resource) {
        return text(resource).getBytes(StandardCharsets.UTF_8);
    }

    /** Returns one character per read, as a slow pipe does; okio found its buffer bugs this way. */
    public static Reader oneCharAtATime(String text) {
        return new Reader() {
            private final StringReader in = new StringReader(text);

            @Override
            public int read(char[] b, int off, int len) throws IOException {
                return len == 0 ? 0 : in.read(b, off, 1);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
