package dev.trestle.backup.internal.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Verification checks frames it holds in memory without a tar reader when they are intact. Whatever that quick check
 * cannot vouch for must still be found and named exactly as a sequential read through the tar reader names it.
 */
class InMemoryFrameCheckTest {
    private record Archive(byte[] bytes, ArchiveIndex index) {}

    private static Archive archive(ArchiveFormat format) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Random random = new Random(11);
        ArchiveWriter writer = new ArchiveWriter(file, format, 16 << 10);
        writer.directory("src", 0755, 1_000_000);
        for (int i = 0; i < 30; i++) {
            byte[] content = new byte[random.nextInt(6000)];
            random.nextBytes(content);
            writer.file(
                    "src/f" + i + (i % 5 == 0 ? "-" + "long name ".repeat(12).trim() : ""),
                    0644,
                    1_000_000 + i,
                    content);
        }
        writer.symlink("src/link", "f1", 0777, 1_000_000);
        ArchiveIndex index = writer.finish();
        return new Archive(file.toByteArray(), index);
    }

    private static ArchiveIndex changed(ArchiveIndex index, String path, UnaryOperator<Member> change) {
        List<Member> members = new ArrayList<>();
        for (Member member : index.members()) {
            members.add(member.path().equals(path) ? change.apply(member) : member);
        }
        return new ArchiveIndex(index.format(), index.frames(), members);
    }

    private static void assertSameAsSequential(Archive archive, ArchiveIndex index, Map<String, String> damaged)
            throws IOException {
        FrameReader.Outcome parallel = FrameReader.read(
                new ByteArrayInputStream(archive.bytes()), archive.bytes().length, index, MemberSink.DISCARD);
        FrameReader.Outcome sequential = FrameReader.readInOrder(
                new ByteArrayInputStream(archive.bytes()), archive.bytes().length, index, MemberSink.DISCARD);
        assertEquals(damaged, parallel.damaged());
        assertEquals(sequential, parallel);
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void anIntactArchiveIsIntactEitherWay(ArchiveFormat format) throws IOException {
        Archive archive = archive(format);
        assertSameAsSequential(archive, archive.index(), Map.of());
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void contentThatDecompressesButDiffersFromItsDigestIsNamed(ArchiveFormat format) throws IOException {
        Archive archive = archive(format);
        ArchiveIndex index = changed(
                archive.index(),
                "src/f7",
                m -> new Member(
                        m.frame(),
                        m.type(),
                        m.mode(),
                        m.size(),
                        m.mtime(),
                        "0".repeat(64),
                        m.md5(),
                        m.path(),
                        m.link()));
        assertSameAsSequential(archive, index, Map.of("src/f7", "content does not match its SHA-256"));
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void aHeaderThatDiffersFromTheIndexIsNamed(ArchiveFormat format) throws IOException {
        Archive archive = archive(format);
        ArchiveIndex index = changed(
                archive.index(),
                "src/f12",
                m -> new Member(
                        m.frame(), m.type(), 0600, m.size(), m.mtime(), m.sha256(), m.md5(), m.path(), m.link()));
        assertSameAsSequential(
                archive, index, Map.of("src/f12", "header (mode, mtime, size or link) differs from the manifest"));
    }

    @ParameterizedTest
    @EnumSource(ArchiveFormat.class)
    void aFlippedBitIsNamedAsTheTarReaderNamesIt(ArchiveFormat format) throws IOException {
        Archive archive = archive(format);
        Frame second = archive.index().frames().get(1);
        archive.bytes()[(int) (second.offset() + second.length() / 2)] ^= 0x04;
        FrameReader.Outcome parallel = FrameReader.read(
                new ByteArrayInputStream(archive.bytes()), archive.bytes().length, archive.index(), MemberSink.DISCARD);
        FrameReader.Outcome sequential = FrameReader.readInOrder(
                new ByteArrayInputStream(archive.bytes()), archive.bytes().length, archive.index(), MemberSink.DISCARD);
        assertEquals(sequential, parallel);
        List<String> inSecond =
                archive.index().membersOf(1).stream().map(Member::path).toList();
        assertFalse(parallel.damaged().isEmpty(), "a flipped bit in the second frame must be found");
        assertTrue(
                inSecond.containsAll(parallel.damaged().keySet()), "damage stays in its frame: " + parallel.damaged());
    }
}
