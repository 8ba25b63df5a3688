package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes members into a framed tar stream and remembers what it wrote. Names are written as given: the tree walker
 * decides what is safe, and tests use this class to build hostile archives.
 */
public final class ArchiveWriter {
    /** Files above this size are compressed as they are read rather than held in memory for a worker. */
    static final long STREAM_BYTES = 16L << 20;

    private final ArchiveFormat format;
    private final long frameBytes;
    private final long streamBytes;
    private final FrameOutputStream frames;
    private final FrameCheck check;
    private final TarArchiveOutputStream tar;
    /** In archive order; a file's slot is filled by the worker that digests its frame. */
    private final List<Slot> members = new ArrayList<>();

    private final byte[] buffer = new byte[256 * 1024];

    /** Verifies a frame compressed as it was read, once it is in the file; null: such frames are left unverified. */
    private StreamedCheck streamedCheck;

    private final List<FrameReader.Outcome> streamedOutcomes = new ArrayList<>();

    /** Reads a frame that was compressed as it was read back from the file and checks it. */
    interface StreamedCheck {
        /**
         * @param sofar the index of what has been written, up to and including {@code frame}
         * @return what the check found
         */
        FrameReader.Outcome check(ArchiveIndex sofar, int frame) throws IOException;
    }

    private static final class Slot {
        Member member;
    }

    /** @param frameBytes a new frame starts at the first member boundary after this many bytes of tar stream */
    public ArchiveWriter(OutputStream file, ArchiveFormat format, long frameBytes) {
        this(file, format, frameBytes, STREAM_BYTES);
    }

    ArchiveWriter(OutputStream file, ArchiveFormat format, long frameBytes, long streamBytes) {
        this.format = format;
        this.frameBytes = frameBytes;
        this.streamBytes = streamBytes;
        this.check = new FrameCheck(format);
        this.frames = new FrameOutputStream(format, file, check);
        // records of 512 bytes with no larger blocking, so that every member ends on a byte the frames can cut at,
        // and a header reaches the frame whole before its content starts
        this.tar = new TarArchiveOutputStream(frames, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    public void directory(String path, int mode, long mtime) throws IOException {
        TarArchiveEntry entry = entry(path + "/", TarConstants.LF_DIR, mode, mtime);
        begin(entry);
        tar.closeArchiveEntry();
        add(new Member(frames.currentFrame(), Member.DIRECTORY, mode, 0, mtime, "", "", path, ""));
    }

    public void symlink(String path, String target, int mode, long mtime) throws IOException {
        TarArchiveEntry entry = entry(path, TarConstants.LF_SYMLINK, mode, mtime);
        entry.setLinkName(target);
        begin(entry);
        tar.closeArchiveEntry();
        add(new Member(frames.currentFrame(), Member.SYMLINK, mode, 0, mtime, "", "", path, target));
    }

    /**
     * Copies exactly {@code size} bytes; a file that grew or shrank meanwhile fails, naming it. Its digests are
     * computed by the worker that compresses its frame, from the bytes in the frame, so each file is read once.
     */
    public void file(String path, int mode, long mtime, long size, InputStream content) throws IOException {
        TarArchiveEntry entry = entry(path, TarConstants.LF_NORMAL, mode, mtime);
        entry.setSize(size);
        boolean stream = size > streamBytes;
        if (stream) {
            frames.startStreaming();
            tar.putArchiveEntry(entry);
        } else {
            begin(entry);
        }
        int frame = frames.currentFrame();
        long start = frames.plainBytesInFrame();
        Digests digests = stream ? new Digests() : null;
        long left = size;
        while (left > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException(path + " shrank while it was archived: " + (size - left) + " of " + size);
            }
            tar.write(buffer, 0, n);
            if (digests != null) {
                digests.update(buffer, 0, n);
            }
            left -= n;
        }
        if (content.read() >= 0) {
            throw new IOException(path + " grew while it was archived beyond " + size + " bytes");
        }
        tar.closeArchiveEntry();
        if (stream) {
            add(new Member(frame, Member.FILE, mode, size, mtime, digests.sha256(), digests.md5(), path, ""));
            frames.cut();
            checkStreamed(frame);
            return;
        }
        Slot slot = new Slot();
        members.add(slot);
        check.expect(frame, () -> slot.member, start);
        frames.afterCut(plain -> {
            Digests inFrame = new Digests();
            inFrame.update(plain, (int) start, (int) size);
            slot.member = new Member(frame, Member.FILE, mode, size, mtime, inFrame.sha256(), inFrame.md5(), path, "");
        });
    }

    public void file(String path, int mode, long mtime, byte[] content) throws IOException {
        file(path, mode, mtime, content.length, new java.io.ByteArrayInputStream(content));
    }

    /**
     * Has every frame compressed as it was read verified as soon as it is written, rather than by whoever reads the
     * file at the end, so that the file's verified bytes ({@link #whenVerified}) can run on past it.
     */
    void checkStreamedFrames(StreamedCheck check) {
        this.streamedCheck = check;
    }

    /** What the checks of streamed frames found, in frame order. */
    List<FrameReader.Outcome> streamedOutcomes() {
        return List.copyOf(streamedOutcomes);
    }

    /** See {@link FrameOutputStream#whenVerified}. */
    void whenVerified(LongConsumer listener) {
        frames.whenVerified(listener);
    }

    private void checkStreamed(int frame) throws IOException {
        if (streamedCheck == null) {
            return;
        }
        frames.flushFile();
        FrameReader.Outcome outcome = streamedCheck.check(new ArchiveIndex(format, frames.frames(), collect()), frame);
        streamedOutcomes.add(outcome);
        if (outcome.damaged().isEmpty() && outcome.problems().isEmpty()) {
            frames.streamedFrameVerified();
        }
    }

    /** Starts a new frame before the next member. */
    public void cut() throws IOException {
        frames.cut();
    }

    /** Everything written so far, digests included: ends the current frame and waits for its worker. */
    public List<Member> members() throws IOException {
        frames.cut();
        frames.drain(0);
        return collect();
    }

    /** Writes tar's end-of-archive records into the last frame and returns the index of what was written. */
    public ArchiveIndex finish() throws IOException {
        tar.finish();
        frames.close();
        return new ArchiveIndex(format, frames.frames(), collect());
    }

    /** Per frame that failed the check made as it was compressed, what was wrong. */
    public Map<Integer, String> frameProblems() {
        return frames.problems();
    }

    /** Frames compressed as they were read, which were not held in memory to be checked. */
    public List<Integer> streamedFrames() {
        return frames.streamed();
    }

    /** The SHA-256 of the whole file as written, once {@link #finish()} returned. */
    public String fileSha256() {
        return frames.sha256();
    }

    /** Stops the compressing workers after a failure. */
    public void abandon() {
        frames.abandon();
    }

    private List<Member> collect() {
        List<Member> result = new ArrayList<>(members.size());
        for (Slot slot : members) {
            if (slot.member == null) {
                throw new IllegalStateException("a member's frame was never compressed");
            }
            result.add(slot.member);
        }
        return result;
    }

    private void add(Member member) {
        Slot slot = new Slot();
        slot.member = member;
        members.add(slot);
        check.expect(member.frame(), () -> member, -1);
    }

    private void begin(TarArchiveEntry entry) throws IOException {
        if (frames.plainBytesInFrame() >= frameBytes) {
            frames.cut();
        }
        tar.putArchiveEntry(entry);
    }

    private static TarArchiveEntry entry(String name, byte type, int mode, long mtime) {
        // preserveAbsolutePath: the name goes in exactly as given, never silently rewritten
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(mode);
        entry.setModTime(mtime * 1000);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }
}
