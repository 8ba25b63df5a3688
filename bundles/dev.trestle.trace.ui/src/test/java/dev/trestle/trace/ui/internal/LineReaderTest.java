package dev.trestle.trace.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.core.jobs.Progress;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineReaderTest {
    @TempDir
    Path temp;

    @Test
    void everyLineReadsBackInAnyOrderAcrossStridesAndBlocks() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= 1000; i++) {
            // some lines longer than a stride's worth of short ones, one with CRLF
            text.append("line ")
                    .append(i)
                    .append(i % 97 == 0 ? "x".repeat(3000) : "")
                    .append(i == 500 ? "\r\n" : "\n");
        }
        text.append("last line without newline");
        LineIndex index = indexOneByteAtATime(text.toString());
        assertEquals(1000, index.completeLines());
        try (LineReader reader = new LineReader(write(text.toString()), index)) {
            for (int i : new int[] {1, 2, 64, 65, 129, 999, 3, 500, 97, 1000}) {
                assertEquals("line " + i + (i % 97 == 0 ? "x".repeat(3000) : ""), reader.line(i), "line " + i);
            }
            assertEquals("last line without newline", reader.line(1001));
            assertEquals("", reader.line(1002));
        }
    }

    @Test
    void aLineLongerThanABlockIsCutNotLost() throws IOException {
        String longLine = "y".repeat(LineReader.BLOCK * 2);
        String text = "first\n" + longLine + "\nthird\n";
        LineIndex index = indexOneByteAtATime(text);
        try (LineReader reader = new LineReader(write(text), index)) {
            assertEquals(LineReader.BLOCK, reader.line(2).length());
            assertEquals("third", reader.line(3));
            assertEquals("first", reader.line(1));
        }
    }

    /** Fed one byte at a time, as okio tests its buffers: the index must not depend on read sizes. */
    private static LineIndex indexOneByteAtATime(String text) throws IOException {
        LineIndex index = new LineIndex();
        InputStream oneByte = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        try (InputStream in = new IndexingStream(oneByte, index, Progress.SILENT)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return index;
    }

    private Path write(String text) throws IOException {
        return Files.writeString(temp.resolve("log"), text);
    }
}
