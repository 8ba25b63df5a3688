package dev.trestle.backup.internal.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void linesMadeAheadForAnyFirstMembersGiveTheSameIndex() {
        ArchiveIndex index = index();
        byte[] whole = IndexFile.bytes(index);
        for (int first : new int[] {0, 1, 21, index.members().size()}) {
            String ahead = IndexFile.memberLines(index.members().subList(0, first));
            assertArrayEquals(whole, IndexFile.bytes(index, ahead, first), "first " + first + " members made ahead");
        }
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
