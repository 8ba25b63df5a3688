package dev.trestle.editor.internal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.editor.text.LineEnding;
import dev.trestle.editor.text.Match;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files larger than a chunk and than what the line index has reached, scaled down by tiny chunk and block sizes. */
class LargeFileTest {
    private static final int LINES = 10_000;

    @TempDir
    Path dir;

    private Path numberedLines(String ending) throws IOException {
        Path file = dir.resolve("big.log");
        String text =
                IntStream.range(0, LINES).mapToObj(i -> "line " + i + " ü").collect(Collectors.joining(ending));
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aFileLargerThanAChunkIsMappedOnlyWhereItIsRead() throws IOException {
        Path file = numberedLines("\n");
        try (PieceTreeDocument document = PieceTreeDocument.open(file, new DocumentConfig(1024, 64, 64, 1024, false))) {
            long chunks = (Files.size(file) + 1023) / 1024;
            assertTrue(chunks > 100, "the file must span many chunks, has " + chunks);
            long lastLine = document.lineStartOf(document.length());
            assertEquals("line 9999 ü", document.text(lastLine, (int) (document.length() - lastLine)));
            assertEquals(lastLine, document.lineStartOf(document.length() - 2));
            assertEquals(
                    lastLine - 1 - "line 9998 ü".getBytes(StandardCharsets.UTF_8).length,
                    document.lineStartOf(lastLine - 1),
                    "a LF belongs to the line it ends");
            // The head is read on open to detect the line ending; the tail is scanned back in 4 KiB blocks.
            int headAndTail = PieceTreeDocument.LINE_ENDING_PROBE / 1024 + 2 * 4096 / 1024 + 1;
            assertTrue(
                    document.mappedChunks() <= headAndTail,
                    "reading the last line maps the chunks at the end only, mapped " + document.mappedChunks());
        }
    }

    @Test
    void lineQueriesWorkBeforeTheIndexReachesThem() throws IOException {
        Path file = numberedLines("\n");
        try (PieceTreeDocument document = PieceTreeDocument.open(file, new DocumentConfig(4096, 64, 64, 1024, false))) {
            assertEquals("line 5 ü", document.lineText(5));
            assertTrue(document.indexedBytes() < 1024, "only the first blocks are indexed: " + document.indexedBytes());
            assertTrue(document.lineCountIfKnown().isEmpty(), "the count is unknown until the index completes");
            assertFalse(document.lineIndexComplete().isDone());
            assertEquals("line 7000 ü", document.lineText(7000));
            assertTrue(document.indexedBytes() < Files.size(file), "go-to-line indexed only up to the line");
            assertEquals(LINES, document.lineCount());
            assertEquals(LINES - 1, document.lineOfOffset(document.length()));
            assertEquals("line 9999 ü", document.lineText(LINES - 1));
            assertTrue(document.lineIndexComplete().isDone());
            assertEquals(LINES, document.lineCountIfKnown().orElseThrow());
        }
    }

    @Test
    void theBackgroundIndexCountsEveryLine() throws Exception {
        Path file = numberedLines("\n");
        try (PieceTreeDocument document = PieceTreeDocument.open(file, new DocumentConfig(4096, 64, 64, 1024, true))) {
            document.lineIndexComplete().get(1, TimeUnit.MINUTES); // a guard against hanging, not a timing
            assertEquals(LINES, document.lineCountIfKnown().orElseThrow());
            assertEquals("line 4321 ü", document.lineText(4321));
        }
    }

    @Test
    void crlfEndingsAndUntouchedBytesAreKeptOnSave() throws IOException {
        Path file = numberedLines("\r\n");
        byte[] before = Files.readAllBytes(file);
        try (PieceTreeDocument document = PieceTreeDocument.open(file, new DocumentConfig(100, 16, 64, 1024, false))) {
            assertEquals(LineEnding.CRLF, document.lineEnding());
            assertEquals("line 3 ü", document.lineText(3));
            long start = document.line(3).start();
            document.insert(start, document.lineEnding().normalize("new\n"));
            document.delete(start, 5);
            ByteArrayOutputStream saved = new ByteArrayOutputStream();
            document.writeTo(saved);
            assertEquals(new String(before, StandardCharsets.UTF_8), saved.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void anOffsetInsideAMultiByteCharacterIsRejectedWithTheOffset() {
        try (PieceTreeDocument document = PieceTreeDocument.of("aü€", new DocumentConfig(8, 8, 16, 64, false))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> document.insert(2, "x"));
            assertTrue(e.getMessage().contains("2"), e.getMessage());
            assertThrows(IndexOutOfBoundsException.class, () -> document.line(1));
        }
    }

    @Test
    void searchFindsAMatchThatCrossesManyWindowsAndChunks() throws IOException {
        Path file = numberedLines("\n");
        try (PieceTreeDocument document =
                PieceTreeDocument.open(file, new DocumentConfig(256, 64, 16, 1 << 16, false))) {
            Optional<Match> match = document.find(0, Pattern.compile("line 9998 ü\\nline 9999"));
            long expected = Files.readString(file)
                    .substring(0, Files.readString(file).indexOf("line 9998"))
                    .getBytes(StandardCharsets.UTF_8)
                    .length;
            assertEquals(expected, match.orElseThrow().start());
            assertEquals(Optional.empty(), document.findLiteral(match.get().start() + 1, "line 9998"));
        }
    }
}
