package dev.trestle.backup.internal.archive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.archivers.tar.TarUtils;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Reads a frame's tar headers where they lie in its bytes, jumping over each member's content, and holds them
 * against the members the frame must hold: what {@link FrameCheck} asks of a tar reader, without a reader's copying
 * of every content byte through a fresh skip buffer per member (a tree is tens of thousands of small files). The
 * headers themselves are parsed by Commons Compress's own {@link TarArchiveEntry}, and a POSIX extended header's
 * path, link path and size are applied as its tar reader applies them.
 *
 * <p>It answers only whether everything is as expected; anything it does not fully understand, or any difference,
 * is left to the tar reader, which says what is wrong. Verification uses it the same way, for frames read into
 * memory ({@link FrameReader}).
 */
final class HeaderWalk {
    private static final int RECORD = TarConstants.DEFAULT_RCDSIZE;
    /** Where a header's size field starts: after the name, mode, uid and gid fields. */
    private static final int SIZE_OFFSET =
            TarConstants.NAMELEN + TarConstants.MODELEN + TarConstants.UIDLEN + TarConstants.GIDLEN;

    private static final ZipEncoding UTF_8 = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8);

    private final byte[] tar;
    private final int length;
    private int position;

    private HeaderWalk(byte[] tar, int length) {
        this.tar = tar;
        this.length = length;
    }

    /**
     * @return true if {@code tar[0, length)} holds exactly {@code expected}, in order, each with the header the
     *     manifest describes and its content where the digests were computed from, and nothing after them
     */
    static boolean holds(byte[] tar, int length, List<FrameCheck.Expected> expected) {
        List<Member> members = new ArrayList<>(expected.size());
        for (FrameCheck.Expected each : expected) {
            members.add(each.member().get());
        }
        int[] starts = contentStarts(tar, length, members);
        if (starts == null) {
            return false;
        }
        for (int i = 0; i < starts.length; i++) {
            long start = expected.get(i).contentStart();
            if (start >= 0 && starts[i] != start) {
                return false;
            }
        }
        return true;
    }

    /**
     * @return where each member's content starts in {@code tar}, if {@code tar[0, length)} holds exactly
     *     {@code members}, in order, each with the header the manifest describes, and nothing after them; else null
     */
    static int[] contentStarts(byte[] tar, int length, List<Member> members) {
        HeaderWalk walk = new HeaderWalk(tar, length);
        int[] starts = new int[members.size()];
        try {
            for (int i = 0; i < starts.length; i++) {
                TarArchiveEntry entry = walk.next();
                if (entry == null || MemberCheck.header(members.get(i), entry) != null) {
                    return null;
                }
                starts[i] = walk.position;
                long end = walk.position + padded(entry.getSize());
                if (end > length) {
                    return null;
                }
                walk.position = (int) end;
            }
        } catch (IOException | RuntimeException e) {
            // Commons Compress reports some malformed headers as IllegalArgumentException
            return null;
        }
        // after the last member only end-of-archive records, if any: a tar reader finds no further member there
        for (int i = walk.position; i < length; i++) {
            if (tar[i] != 0) {
                return null;
            }
        }
        return starts;
    }

    /** The next member's header, extended header applied, with the position at its content; null if not sure. */
    private TarArchiveEntry next() throws IOException {
        byte[] header = record();
        if (header == null) {
            return null;
        }
        String path = null;
        String link = null;
        long size = -1;
        if (header[TarConstants.LF_OFFSET] == TarConstants.LF_PAX_EXTENDED_HEADER_LC) {
            long extended = TarUtils.parseOctalOrBinary(header, SIZE_OFFSET, TarConstants.SIZELEN);
            if (extended < 0 || position + extended > length) {
                return null;
            }
            int end = position + (int) extended;
            for (int at = position; at < end; ) {
                int space = indexOf(' ', at, end);
                if (space < 0) {
                    return null;
                }
                int recordLength = Integer.parseInt(new String(tar, at, space - at, StandardCharsets.US_ASCII));
                int recordEnd = at + recordLength;
                int equals = indexOf('=', space + 1, recordEnd);
                if (recordLength <= 0 || recordEnd > end || equals < 0 || tar[recordEnd - 1] != '\n') {
                    return null;
                }
                String key = new String(tar, space + 1, equals - space - 1, StandardCharsets.UTF_8);
                String value = new String(tar, equals + 1, recordEnd - 1 - equals - 1, StandardCharsets.UTF_8);
                switch (key) {
                    case "path" -> path = value;
                    case "linkpath" -> link = value;
                    case "size" -> size = Long.parseLong(value);
                    default -> {
                        return null;
                    }
                }
                at = recordEnd;
            }
            position += (int) padded(extended);
            header = record();
            if (header == null) {
                return null;
            }
        }
        byte type = header[TarConstants.LF_OFFSET];
        if (type != TarConstants.LF_NORMAL
                && type != TarConstants.LF_OLDNORM
                && type != TarConstants.LF_DIR
                && type != TarConstants.LF_SYMLINK) {
            return null;
        }
        TarArchiveEntry entry = new TarArchiveEntry(header, UTF_8);
        if (path != null) {
            entry.setName(path);
        }
        if (link != null) {
            entry.setLinkName(link);
        }
        if (size >= 0) {
            entry.setSize(size);
        }
        return entry;
    }

    /** The header record at the position, checksum verified, the position moved past it; null if none is there. */
    private byte[] record() {
        if (position + RECORD > length) {
            return null;
        }
        byte[] header = Arrays.copyOfRange(tar, position, position + RECORD);
        if (!TarUtils.verifyCheckSum(header)) {
            return null;
        }
        position += RECORD;
        return header;
    }

    private int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tar[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static long padded(long size) {
        return (size + RECORD - 1) / RECORD * RECORD;
    }
}
