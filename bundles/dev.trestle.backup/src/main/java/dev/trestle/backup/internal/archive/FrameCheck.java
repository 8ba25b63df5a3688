package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Verifies a frame just after it was compressed, while the tar bytes it was made of are still in memory: it must
 * decompress to exactly those bytes, and those bytes must read as tar to exactly the members the index lists, each
 * file's content starting at the byte its digests were computed from. A file's content is therefore proven equal to
 * the bytes its SHA-256 and MD5 were computed from by a comparison instead of by hashing it a second time.
 */
final class FrameCheck implements FrameOutputStream.Check {
    /** A member of a frame, with where its content starts in the frame's tar bytes ({@code -1}: no content). */
    record Expected(Supplier<Member> member, long contentStart) {}

    private final ArchiveFormat format;
    /** Filled by the writer before the frame is cut; read by the worker after: the cut hands the list over. */
    private final Map<Integer, List<Expected>> expected = new ConcurrentHashMap<>();

    FrameCheck(ArchiveFormat format) {
        this.format = format;
    }

    /** @param member read once the frame's worker has computed the member's digests */
    void expect(int frame, Supplier<Member> member, long contentStart) {
        expected.computeIfAbsent(frame, f -> new ArrayList<>()).add(new Expected(member, contentStart));
    }

    @Override
    public String frame(int number, byte[] compressed, byte[] plain, int length) throws IOException {
        List<Expected> members = expected.getOrDefault(number, List.of());
        expected.remove(number);
        byte[] decoded = DecodeBuffer.atLeast(length);
        try {
            int n = Codecs.decompress(format, compressed, decoded, length);
            if (n != length) {
                return "decompresses to " + n + " bytes, not the " + length + " bytes compressed";
            }
        } catch (IOException e) {
            return "does not decompress: " + e.getMessage();
        }
        int mismatch = Arrays.mismatch(decoded, 0, length, plain, 0, length);
        if (mismatch >= 0) {
            return "decompresses to different bytes than were compressed, from byte " + mismatch;
        }
        if (HeaderWalk.holds(decoded, length, members)) {
            return null;
        }
        // the walk over the headers vouches only for a frame it fully understands; the tar reader says what is wrong
        Counting position = new Counting(new ByteArrayInputStream(decoded, 0, length));
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(position, TarConstants.DEFAULT_RCDSIZE, TarConstants.DEFAULT_RCDSIZE)) {
            for (Expected each : members) {
                Member member = each.member().get();
                TarArchiveEntry entry = tar.getNextEntry();
                if (entry == null) {
                    return member.path() + ": missing, the frame ends before it";
                }
                String header = MemberCheck.header(member, entry);
                if (header != null) {
                    return member.path() + ": " + header;
                }
                if (each.contentStart() >= 0 && position.count() != each.contentStart()) {
                    return member.path() + ": its content starts at byte " + position.count()
                            + " of the frame, its digests were computed from byte " + each.contentStart();
                }
            }
            if (tar.getNextEntry() != null) {
                return "holds a member the index does not list";
            }
        } catch (IOException | IllegalArgumentException e) {
            // Commons Compress reports some malformed headers as IllegalArgumentException
            return "does not read as the tar it was written as: " + e.getMessage();
        }
        return null;
    }
}
