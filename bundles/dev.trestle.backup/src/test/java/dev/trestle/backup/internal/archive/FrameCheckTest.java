package dev.trestle.backup.internal.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The check made as each frame is compressed stands in for decompressing and digesting the staged copy again, so it
 * must fail on whatever that would have failed on: a frame that does not decompress, or to other bytes, or to tar
 * that names other members, or content that does not start where its digests were computed from.
 */
class FrameCheckTest {
    private static final byte[] CONTENT = "int main(void) { return 0; }\n".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void passesTheFrameAsWrittenAndFailsEveryKindOfDifference(ArchiveFormat format) throws IOException {
        byte[] plain = tar("src/main.c");
        Member member = new Member(0, Member.FILE, 0644, CONTENT.length, 1_000_000, "", "", "src/main.c", "");
        byte[] compressed = Codecs.compress(format, plain, plain.length);

        assertNull(check(format, member, 512, compressed, plain));

        byte[] damaged = compressed.clone();
        damaged[damaged.length / 2] ^= 0x10;
        assertTrue(check(format, member, 512, damaged, plain) != null, "a flipped bit in the compressed frame");

        byte[] other = plain.clone();
        other[512 + 3] ^= 0x01;
        assertTrue(
                check(format, member, 512, compressed, other).startsWith("decompresses to different bytes"),
                "bytes that differ from the ones compressed");

        Member renamed = new Member(0, Member.FILE, 0644, CONTENT.length, 1_000_000, "", "", "src/other.c", "");
        assertTrue(check(format, renamed, 512, compressed, plain).contains("header names"), "another member");

        assertEquals(
                "src/main.c: its content starts at byte 512 of the frame, its digests were computed from byte 1024",
                check(format, member, 1024, compressed, plain));
    }

    private static String check(ArchiveFormat format, Member member, long start, byte[] compressed, byte[] plain)
            throws IOException {
        FrameCheck check = new FrameCheck(format);
        check.expect(0, () -> member, start);
        return check.frame(0, compressed, plain, plain.length);
    }

    private static byte[] tar(String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar =
                new TarArchiveOutputStream(bytes, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.UTF_8.name())) {
            TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_NORMAL, true);
            entry.setMode(0644);
            entry.setModTime(1_000_000_000L);
            entry.setSize(CONTENT.length);
            tar.putArchiveEntry(entry);
            tar.write(CONTENT);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
