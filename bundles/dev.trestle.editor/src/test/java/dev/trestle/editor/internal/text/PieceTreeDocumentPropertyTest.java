package dev.trestle.editor.internal.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The piece tree against a String under random edits. Chunks of 7 bytes, index blocks of 5 and search windows of 16
 * put boundaries inside multi-byte characters and CRLF pairs all the time.
 */
class PieceTreeDocumentPropertyTest {
    private static final String[] ALPHABET = {"a", "b", "\n", "\r\n", "é", "€", "😀", "ab\n", "line €\n"};
    private static final DocumentConfig TINY = new DocumentConfig(7, 5, 16, 1 << 16, false);

    @TempDir
    Path dir;

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomEditsMatchAStringModel(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder model = new StringBuilder(randomText(random, random.nextInt(200)));
        Path file = dir.resolve("original.txt");
        Files.writeString(file, model, StandardCharsets.UTF_8);
        try (PieceTreeDocument document = PieceTreeDocument.open(file, TINY)) {
            for (int step = 1; step <= 500; step++) {
                int from = charBoundary(model, random.nextInt(model.length() + 1));
                int to = charBoundary(model, Math.min(model.length(), from + random.nextInt(12)));
                String inserted = random.nextInt(3) == 0 ? "" : randomText(random, 1 + random.nextInt(4));
                String removed = document.replace(bytes(model, 0, from), bytes(model, from, to), inserted);
                assertEquals(model.substring(from, to), removed, "seed " + seed + " step " + step + ": removed text");
                model.replace(from, to, inserted);
                if (step % 5 == 0) {
                    checkOneLine(document, model, random, "seed " + seed + " step " + step);
                }
                if (step % 50 == 0) {
                    compare(document, model, random, "seed " + seed + " step " + step);
                }
            }
        }
    }

    /** Bytes put in as given, invalid UTF-8 included, as the large-file view's undo puts back what it removed. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomByteEditsMatchAByteModel(long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        ByteArrayOutputStream initial = new ByteArrayOutputStream();
        for (int i = random.nextInt(300); i > 0; i--) {
            initial.write(random.nextInt(8) == 0 ? '\n' : random.nextInt(256));
        }
        byte[] model = initial.toByteArray();
        Path file = dir.resolve("bytes.bin");
        Files.write(file, model);
        try (PieceTreeDocument document = PieceTreeDocument.open(file, TINY)) {
            for (int step = 1; step <= 300; step++) {
                int from = random.nextInt(model.length + 1);
                int to = Math.min(model.length, from + random.nextInt(12));
                byte[] inserted = new byte[random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(6)];
                for (int i = 0; i < inserted.length; i++) {
                    inserted[i] = (byte) (random.nextInt(6) == 0 ? '\n' : 0x80 + random.nextInt(128));
                }
                document.replaceBytes(from, to - from, inserted);
                ByteArrayOutputStream next = new ByteArrayOutputStream();
                next.write(model, 0, from);
                next.write(inserted);
                next.write(model, to, model.length - to);
                model = next.toByteArray();
                if (step % 30 == 0) {
                    ByteArrayOutputStream written = new ByteArrayOutputStream();
                    document.writeTo(written);
                    assertArrayEquals(model, written.toByteArray(), "seed " + seed + " step " + step);
                    long lineFeeds = 0;
                    for (byte b : model) {
                        lineFeeds += b == '\n' ? 1 : 0;
                    }
                    assertEquals(lineFeeds + 1, document.lineCount(), "seed " + seed + " step " + step + ": lines");
                }
            }
        }
    }

    private static void compare(PieceTreeDocument document, StringBuilder model, SplittableRandom random, String where)
            throws IOException {
        String expected = model.toString();
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        document.writeTo(written);
        assertEquals(expected, written.toString(StandardCharsets.UTF_8), where + ": content");
        assertEquals(expected.getBytes(StandardCharsets.UTF_8).length, document.length(), where + ": length");
        String[] lines = expected.split("\n", -1);
        for (int i = 0; i < 10; i++) {
            int line = random.nextInt(lines.length);
            boolean crlf = line < lines.length - 1 && lines[line].endsWith("\r");
            String text = crlf ? lines[line].substring(0, lines[line].length() - 1) : lines[line];
            assertEquals(text, document.lineText(line), where + ": line " + line);
            int offset = charBoundary(model, random.nextInt(model.length() + 1));
            long lineFeeds =
                    expected.substring(0, offset).chars().filter(c -> c == '\n').count();
            assertEquals(lineFeeds, document.lineOfOffset(bytes(model, 0, offset)), where + ": line of " + offset);
        }
        // Last: counting every line fills the caches that the queries above must fill (or skip) by themselves.
        assertEquals(lines.length, document.lineCount(), where + ": line count");
        for (String regex : new String[] {"€", "a\\R", "(?m)^b", "é+a", "😀[^\\n]*\\n"}) {
            int from = charBoundary(model, random.nextInt(model.length() + 1));
            Matcher reference = Pattern.compile(regex).matcher(expected);
            Optional<?> expectedMatch = reference.find(from)
                    ? Optional.of(new dev.trestle.editor.text.Match(
                            bytes(model, 0, reference.start()), bytes(model, 0, reference.end())))
                    : Optional.empty();
            assertEquals(
                    expectedMatch,
                    document.find(bytes(model, 0, from), Pattern.compile(regex)),
                    where + ": find " + regex + " from char " + from);
        }
    }

    /** Between edits, so that line queries meet subtrees whose counts are not cached yet. */
    private static void checkOneLine(
            PieceTreeDocument document, StringBuilder model, SplittableRandom random, String where) {
        String[] lines = model.toString().split("\n", -1);
        int line = random.nextInt(lines.length + 1);
        if (line == lines.length) {
            assertThrows(IndexOutOfBoundsException.class, () -> document.line(line), where + ": past the end");
            return;
        }
        boolean crlf = line < lines.length - 1 && lines[line].endsWith("\r");
        String text = crlf ? lines[line].substring(0, lines[line].length() - 1) : lines[line];
        assertEquals(text, document.lineText(line), where + ": line " + line);
    }

    private static String randomText(SplittableRandom random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return text.toString();
    }

    /** Moves a char index off the middle of a surrogate pair, which has no byte offset of its own. */
    private static int charBoundary(CharSequence text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }

    private static long bytes(CharSequence text, int from, int to) {
        return WindowedSearch.utf8Length(text, from, to);
    }
}
