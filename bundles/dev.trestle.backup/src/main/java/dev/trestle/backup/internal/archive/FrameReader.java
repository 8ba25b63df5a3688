package dev.trestle.backup.internal.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Reads an archive front to back, one frame at a time, and checks every member against the index: header, size and
 * both digests. A frame that fails to decompress damages only its own members; the next frame starts afresh.
 * Everything is read to the end, including the decompressor past tar's end-of-archive records, so truncation and
 * trailing data cannot hide behind a reader that stops early.
 */
public final class FrameReader {
    /** Per member path the reason it is damaged; members not in it were intact; problems are the archive's own. */
    public record Outcome(Map<String, String> damaged, List<String> intact, List<String> problems) {}

    private final ArchiveIndex index;
    private final MemberSink sink;
    private final Map<String, String> damaged = new LinkedHashMap<>();
    private final List<String> intact = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private FrameReader(ArchiveIndex index, MemberSink sink) {
        this.index = index;
        this.sink = sink;
    }

    /** @param fileSize the archive's size as the file system reports it */
    public static Outcome read(InputStream archive, long fileSize, ArchiveIndex index, MemberSink sink)
            throws IOException {
        FrameReader reader = new FrameReader(index, sink);
        long expected = index.expectedSize();
        if (fileSize < expected) {
            reader.problems.add("truncated: " + fileSize + " bytes, the index expects " + expected);
        } else if (fileSize > expected) {
            reader.problems.add("trailing data: " + (fileSize - expected) + " bytes after the last frame");
        }
        for (int i = 0; i < index.frames().size(); i++) {
            reader.frame(archive, i);
        }
        return new Outcome(reader.damaged, reader.intact, reader.problems);
    }

    private void frame(InputStream archive, int number) throws IOException {
        Frame frame = index.frames().get(number);
        String where = "frame " + number + " (bytes " + frame.offset() + ".." + frame.end() + ")";
        List<Member> members = index.membersOf(number);
        Region region = new Region(archive, frame.length());
        int done = 0;
        String failure = null;
        try {
            Counting plain = new Counting(Codecs.decompressor(index.format(), region));
            TarArchiveInputStream tar =
                    new TarArchiveInputStream(plain, TarConstants.DEFAULT_RCDSIZE, TarConstants.DEFAULT_RCDSIZE);
            for (Member member : members) {
                report(member, MemberCheck.check(member, tar, sink));
                done++;
            }
            if (tar.getNextEntry() != null) {
                failure = where + ": holds a member the index does not list";
            }
            plain.transferTo(OutputStream.nullOutputStream());
            if (plain.count() != frame.plainLength()) {
                failure =
                        where + ": " + plain.count() + " bytes of tar stream, the index expects " + frame.plainLength();
            } else if (region.remaining() > 0) {
                failure = where + ": its compressed stream ends " + region.remaining() + " bytes early";
            }
        } catch (IOException | IllegalArgumentException e) {
            // Commons Compress reports some malformed headers as IllegalArgumentException
            failure = where + " is damaged: " + e.getMessage();
            for (Member member : members.subList(done, members.size())) {
                report(member, failure);
            }
        }
        long missing = region.drain();
        if (failure == null && missing > 0) {
            failure = where + ": " + missing + " bytes missing (archive truncated)";
        }
        if (failure != null) {
            problems.add(failure);
        }
    }

    private void report(Member member, String reason) throws IOException {
        if (reason == null) {
            intact.add(member.path());
        } else {
            damaged.put(member.path(), reason);
        }
        sink.finished(member, reason);
    }
}
