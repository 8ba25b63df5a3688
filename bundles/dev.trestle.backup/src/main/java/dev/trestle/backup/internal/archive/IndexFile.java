package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The index as text: a header, one {@code frame} line per frame, one {@code member} line per member, and an
 * {@code end} line with the SHA-256 of everything before it, so a damaged index is reported rather than believed.
 */
public final class IndexFile {
    private static final String MAGIC = "trestle-backup-index\t1\n";

    private IndexFile() {}

    public static byte[] bytes(ArchiveIndex index) {
        return bytes(index, "", 0);
    }

    /**
     * @param firstLines {@link #memberLines} of the index's first {@code first} members, made before the archive was
     *     complete
     */
    static byte[] bytes(ArchiveIndex index, String firstLines, int first) {
        StringBuilder text =
                new StringBuilder(firstLines.length() + 64 * index.frames().size() + 4096);
        text.append(MAGIC);
        text.append("format\t").append(index.format().suffix()).append('\n');
        for (Frame f : index.frames()) {
            text.append("frame\t%d\t%d\t%d\t%d\n".formatted(f.offset(), f.length(), f.plainOffset(), f.plainLength()));
        }
        text.append(firstLines);
        appendMembers(text, index.members().subList(first, index.members().size()));
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        String end = "end\t" + Digests.hex(Digests.sha256(body)) + "\n";
        byte[] all = new byte[body.length + end.length()];
        System.arraycopy(body, 0, all, 0, body.length);
        System.arraycopy(end.getBytes(StandardCharsets.US_ASCII), 0, all, body.length, end.length());
        return all;
    }

    /** The {@code member} lines of the given members, as {@link #bytes} writes them. */
    static String memberLines(List<Member> members) {
        StringBuilder text = new StringBuilder(members.size() * 160);
        appendMembers(text, members);
        return text.toString();
    }

    private static void appendMembers(StringBuilder text, List<Member> members) {
        for (Member m : members) {
            // appended, not formatted: a tree holds tens of thousands of members
            text.append("member\t")
                    .append(m.frame())
                    .append('\t')
                    .append(m.type())
                    .append('\t');
            text.append(Integer.toOctalString(m.mode()))
                    .append('\t')
                    .append(m.size())
                    .append('\t');
            text.append(m.mtime())
                    .append('\t')
                    .append(m.sha256())
                    .append('\t')
                    .append(m.md5())
                    .append('\t');
            text.append(Escaping.field(m.path()))
                    .append('\t')
                    .append(Escaping.field(m.link()))
                    .append('\n');
        }
    }

    public static ArchiveIndex read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        // the end line is ASCII, so it is found and the body digested in the bytes as read: decoding the text and
        // encoding its body again cost as much as the digest, for an index of tens of megabytes
        int endLine = lastIndexOf(all, END_LINE) + 1;
        if (!startsWith(all, MAGIC.getBytes(StandardCharsets.US_ASCII)) || endLine == 0) {
            throw new IndexException(file + ": not a Trestle backup index (no header or no end line)");
        }
        MessageDigest sha256 = Digests.newSha256();
        sha256.update(all, 0, endLine);
        String recorded = new String(all, endLine + 4, all.length - endLine - 4, StandardCharsets.US_ASCII).strip();
        if (!recorded.equals(HexFormat.of().formatHex(sha256.digest()))) {
            throw new IndexException(file + ": damaged (its SHA-256 does not match its end line)");
        }
        return parse(file, new String(all, 0, endLine, StandardCharsets.UTF_8).split("\n", -1));
    }

    private static final byte[] END_LINE = "\nend\t".getBytes(StandardCharsets.US_ASCII);

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** Where {@code part} last occurs in {@code bytes}, or -1. */
    private static int lastIndexOf(byte[] bytes, byte[] part) {
        for (int at = bytes.length - part.length; at >= 0; at--) {
            if (Arrays.equals(bytes, at, at + part.length, part, 0, part.length)) {
                return at;
            }
        }
        return -1;
    }

    private static ArchiveIndex parse(Path file, String[] lines) throws IndexException {
        ArchiveFormat format = null;
        List<Frame> frames = new ArrayList<>();
        List<Member> members = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split("\t", -1);
            try {
                switch (f[0]) {
                    case "format" -> format = ArchiveFormat.named(f[1]).orElseThrow();
                    case "frame" -> frames.add(frame(f, frames));
                    case "member" ->
                        members.add(new Member(
                                Integer.parseInt(f[1]),
                                f[2].charAt(0),
                                Integer.parseInt(f[3], 8),
                                Long.parseLong(f[4]),
                                Long.parseLong(f[5]),
                                f[6],
                                f[7],
                                Escaping.unfield(f[8]),
                                Escaping.unfield(f[9])));
                    case "" -> {
                        // the empty string after the last newline
                    }
                    default -> throw new IllegalArgumentException("unknown record " + f[0]);
                }
            } catch (RuntimeException e) {
                throw new IndexException(file + ":" + (i + 1) + ": bad line (" + e.getMessage() + ")");
            }
        }
        if (format == null) {
            throw new IndexException(file + ": no format line");
        }
        try {
            return new ArchiveIndex(format, frames, members);
        } catch (IllegalArgumentException e) {
            throw new IndexException(file + ": " + e.getMessage());
        }
    }

    private static Frame frame(String[] f, List<Frame> before) {
        Frame frame = new Frame(Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
        long expected = before.isEmpty() ? 0 : before.get(before.size() - 1).end();
        if (frame.offset() != expected || frame.length() <= 0) {
            throw new IllegalArgumentException("frame at " + frame.offset() + " does not follow the one before");
        }
        return frame;
    }
}
