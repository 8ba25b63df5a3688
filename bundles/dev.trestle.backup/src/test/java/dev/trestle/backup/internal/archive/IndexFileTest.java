package dev.trestle.backup.internal.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest {
    private static ArchiveIndex index() {
        List<Member> members = new ArrayList<>();
        members.add(new Member(0, Member.DIRECTORY, 0755, 0, 1_700_000_000, "", "", "src", ""));
        for (int i = 0; i < 50; i++) {
            members.add(new Member(
                    i / 20,
                    Member.FILE,
                    0644,
                    i * 100L,
                    1_700_000_000 + i,
                    "%064x".formatted(i),
                    "%032x".formatted(i),
                    "src/file " + i + (i % 7 == 0 ? "\twith a tab\\" : "") + ".c",
                    ""));
        }
        members.add(new Member(2, Member.SYMLINK, 0777, 0, 1_700_000_100, "", "", "src/link", "file 1.c"));
        List<Frame> frames =
                List.of(new Frame(0, 100, 0, 10240), new Frame(100, 80, 10240, 8192), new Frame(180, 60, 18432, 4096));
        return new ArchiveIndex(ArchiveFormat.TAR_ZST, frames, members);
    }

    @Test
    void anIndexReadsBackAsItWasWrittenAndAnyChangedByteIsCaught(@TempDir Path temp) throws IOException {
        ArchiveIndex index = index();
        byte[] bytes = IndexFile.bytes(index);
        Path file = temp.resolve("x.tar.zst.index");
        Files.write(file, bytes);
        assertEquals(index, IndexFile.read(file));

        for (int at : new int[] {30, bytes.length / 2, bytes.length - 80}) {
            byte[] changed = bytes.clone();
            // 0x80 makes an ASCII byte one that is no UTF-8 on its own
            changed[at] = (byte) (changed[at] ^ 0x80);
            Files.write(file, changed);
            IndexException damaged = assertThrows(IndexException.class, () -> IndexFile.read(file));
            assertEquals(
                    file + ": damaged (its SHA-256 does not match its end line)", damaged.getMessage(), "at " + at);
        }

        Files.writeString(file, "a file of something else\n");
        assertEquals(
                file + ": not a Trestle backup index (no header or no end line)",
                assertThrows(IndexException.class, () -> IndexFile.read(file)).getMessage());
    }

    @Test
    void linesMadeAheadForAnyFirstMembersGiveTheSameIndex() {
        ArchiveIndex index = index();
        byte[] whole = IndexFile.bytes(index);
        for (int first : new int[] {0, 1, 21, index.members().size()}) {
            String ahead = IndexFile.memberLines(index.members().subList(0, first));
            assertArrayEquals(whole, IndexFile.bytes(index, ahead, first), "first " + first + " members made ahead");
        }
    }

    @Test
    void eachFramesMembersAreTheRunOfMembersInIt() {
        ArchiveIndex index = index();
        for (int frame = -1; frame <= index.frames().size(); frame++) {
            int f = frame;
            assertEquals(
                    index.members().stream().filter(m -> m.frame() == f).toList(),
                    index.membersOf(frame),
                    "frame " + f);
        }
        assertEquals(21, index.membersOf(0).size(), "the directory and files 0 to 19");
        assertEquals(List.of(), index.membersOf(7));
    }

    @Test
    void anIndexWhoseMembersGoBackToAnEarlierFrameIsRefused(@TempDir Path dir) throws IOException {
        ArchiveIndex index = index();
        String text = new String(IndexFile.bytes(index), java.nio.charset.StandardCharsets.UTF_8);
        // the symbolic link, last in frame 2, moved ahead of the first file: a hand-edited or forged index
        String link = text.lines()
                .filter(l -> l.endsWith("\tsrc/link\tfile 1.c"))
                .findFirst()
                .orElseThrow();
        String body = text.substring(0, text.lastIndexOf("end\t")).replace(link + "\n", "");
        int first = body.indexOf("member\t0\t");
        String moved = body.substring(0, first) + link + "\n" + body.substring(first);
        String forged = moved + "end\t"
                + Digests.hex(Digests.sha256(moved.getBytes(java.nio.charset.StandardCharsets.UTF_8))) + "\n";
        Path file = Files.writeString(dir.resolve("forged.index"), forged);

        IndexException refused = assertThrows(IndexException.class, () -> IndexFile.read(file));
        assertTrue(refused.getMessage().contains("before the frame of the member ahead of it"), refused.getMessage());
    }

    @Test
    void readsBackWhatItWrote(@TempDir Path dir) throws IOException {
        ArchiveIndex index = index();
        Path file = dir.resolve("a.tar.zst.index");
        Files.write(
                file,
                IndexFile.bytes(index, IndexFile.memberLines(index.members().subList(0, 30)), 30));

        ArchiveIndex read = IndexFile.read(file);

        assertEquals(index.members(), read.members());
        assertEquals(index.frames(), read.frames());
        assertEquals(index.format(), read.format());
    }
}
