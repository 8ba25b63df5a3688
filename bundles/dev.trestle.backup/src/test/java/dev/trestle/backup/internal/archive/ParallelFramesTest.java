package dev.trestle.backup.internal.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.trestle.backup.ArchiveFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Frames compressed on workers and files streamed past the workers must give the same archive a sequential writer
 * would: every member's digests computed from its own bytes, frames in order, and damage still local to one frame.
 */
class ParallelFramesTest {
    private static final List<String> NAMES = List.of("a", "big", "c", "d", "huge", "e");

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void streamedAndBufferedFilesAllVerifyAndDamageStaysInItsFrame(ArchiveFormat format) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Random random = new Random(7);
        // "big" and "huge" exceed the streaming limit of 64 KiB; the others share 32 KiB frames
        int[] sizes = {5_000, 200_000, 20_000, 20_000, 300_001, 0};
        byte[][] contents = new byte[sizes.length][];
        ArchiveWriter writer = new ArchiveWriter(file, format, 32 << 10, 64 << 10);
        for (int i = 0; i < sizes.length; i++) {
            contents[i] = new byte[sizes[i]];
            random.nextBytes(contents[i]);
            writer.file(NAMES.get(i), 0644, 1_000_000, contents[i]);
        }
        ArchiveIndex index = writer.finish();
        byte[] archive = file.toByteArray();

        for (int i = 0; i < sizes.length; i++) {
            Member member = index.members().get(i);
            assertEquals(NAMES.get(i), member.path());
            assertEquals(Digests.hex(Digests.sha256(contents[i])), member.sha256(), member.path());
        }
        FrameReader.Outcome good =
                FrameReader.read(new ByteArrayInputStream(archive), archive.length, index, MemberSink.DISCARD);
        assertEquals(Map.of(), good.damaged());
        assertEquals(NAMES, good.intact());

        Frame hugeFrame = index.frames().get(index.members().get(4).frame());
        assertEquals(
                List.of("huge"),
                index.membersOf(index.members().get(4).frame()).stream()
                        .map(Member::path)
                        .toList());
        archive[(int) (hugeFrame.offset() + hugeFrame.length() / 2)] ^= 0x10;
        FrameReader.Outcome damaged =
                FrameReader.read(new ByteArrayInputStream(archive), archive.length, index, MemberSink.DISCARD);
        assertEquals(List.of("huge"), List.copyOf(damaged.damaged().keySet()));
        assertEquals(List.of("a", "big", "c", "d", "e"), damaged.intact());
    }
}
