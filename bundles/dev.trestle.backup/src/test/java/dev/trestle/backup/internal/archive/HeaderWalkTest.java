package dev.trestle.backup.internal.archive;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/**
 * The header walk vouches for a frame in place of a tar reader, so it must agree with the reader on every frame the
 * archive writer makes (long and non-ASCII names in extended headers, links, directories, the end-of-archive
 * records) and vouch for nothing the reader would find different.
 */
class HeaderWalkTest {
    private static final String LONG = "drivers/" + "a-very-long-directory-name/".repeat(6) + "file.c";
    private static final String NON_ASCII = "docs/übersicht-ñ.txt";

    @Test
    void agreesWithTheTarReaderOnAFrameAsTheWriterMakesIt() throws IOException {
        byte[] tar = tar(true);
        List<FrameCheck.Expected> expected = read(tar);

        assertTrue(LONG.length() > 100);
        assertTrue(HeaderWalk.holds(tar, tar.length, expected));
        assertTrue(HeaderWalk.holds(tar, tar.length - 1024, expected), "a frame without end-of-archive records");
    }

    @Test
    void vouchesForNothingThatDiffers() throws IOException {
        byte[] tar = tar(true);
        List<FrameCheck.Expected> expected = read(tar);

        List<FrameCheck.Expected> moved = new ArrayList<>(expected);
        FrameCheck.Expected last = moved.remove(moved.size() - 1);
        moved.add(new FrameCheck.Expected(last.member(), last.contentStart() + 512));
        assertFalse(HeaderWalk.holds(tar, tar.length, moved), "content where the digests were not computed from");

        List<FrameCheck.Expected> older = new ArrayList<>(expected);
        Member m = older.get(1).member().get();
        Member changed = new Member(0, m.type(), m.mode(), m.size(), m.mtime() - 1, "", "", m.path(), m.link());
        older.set(1, new FrameCheck.Expected(() -> changed, older.get(1).contentStart()));
        assertFalse(HeaderWalk.holds(tar, tar.length, older), "another modification time");

        assertFalse(HeaderWalk.holds(tar, tar.length, expected.subList(0, 3)), "a member the index does not list");
        assertFalse(HeaderWalk.holds(tar, tar.length - 1024 - 512, expected), "the last content cut short");

        byte[] flipped = tar.clone();
        flipped[100] ^= 0x01; // the first header's mode, which its checksum covers
        assertFalse(HeaderWalk.holds(flipped, flipped.length, expected), "a header that fails its checksum");
    }

    /** What the tar reader makes of the frame: each member with where its content starts. */
    private static List<FrameCheck.Expected> read(byte[] tar) throws IOException {
        List<FrameCheck.Expected> expected = new ArrayList<>();
        Counting position = new Counting(new ByteArrayInputStream(tar));
        try (TarArchiveInputStream in =
                new TarArchiveInputStream(position, TarConstants.DEFAULT_RCDSIZE, TarConstants.DEFAULT_RCDSIZE)) {
            for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                char type =
                        entry.isDirectory() ? Member.DIRECTORY : entry.isSymbolicLink() ? Member.SYMLINK : Member.FILE;
                String name = entry.isDirectory()
                        ? entry.getName().substring(0, entry.getName().length() - 1)
                        : entry.getName();
                Member member = new Member(
                        0,
                        type,
                        entry.getMode() & 07777,
                        entry.getSize(),
                        entry.getModTime().getTime() / 1000,
                        "",
                        "",
                        name,
                        entry.getLinkName());
                expected.add(new FrameCheck.Expected(() -> member, type == Member.FILE ? position.count() : -1));
            }
        }
        return expected;
    }

    private static byte[] tar(boolean finish) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TarArchiveOutputStream tar =
                new TarArchiveOutputStream(bytes, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
        add(tar, "drivers/", TarConstants.LF_DIR, null, 0);
        add(tar, LONG, TarConstants.LF_NORMAL, null, 700);
        add(tar, NON_ASCII, TarConstants.LF_NORMAL, null, 1);
        add(tar, "link", TarConstants.LF_SYMLINK, LONG, 0);
        add(tar, "empty", TarConstants.LF_NORMAL, null, 0);
        add(tar, "last.c", TarConstants.LF_NORMAL, null, 1536);
        if (finish) {
            tar.finish();
        }
        tar.flush();
        return bytes.toByteArray();
    }

    private static void add(TarArchiveOutputStream tar, String name, byte type, String link, int size)
            throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(0644);
        entry.setModTime((1_700_000_000L + size) * 1000); // whole seconds, as the archive writer gives them
        entry.setUserName("");
        entry.setGroupName("");
        if (link != null) {
            entry.setLinkName(link);
        }
        entry.setSize(size);
        tar.putArchiveEntry(entry);
        byte[] content = new byte[size];
        for (int i = 0; i < size; i++) {
            content[i] = (byte) ('a' + i % 26);
        }
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
