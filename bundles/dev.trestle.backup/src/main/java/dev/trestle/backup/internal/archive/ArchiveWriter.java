package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes members into a framed tar stream and remembers what it wrote. Names are written as given: the tree walker
 * decides what is safe, and tests use this class to build hostile archives.
 */
public final class ArchiveWriter {
    private final ArchiveFormat format;
    private final long frameBytes;
    private final FrameOutputStream frames;
    private final TarArchiveOutputStream tar;
    private final List<Member> members = new ArrayList<>();
    private final byte[] buffer = new byte[256 * 1024];

    /** @param frameBytes a new frame starts at the first member boundary after this many bytes of tar stream */
    public ArchiveWriter(OutputStream file, ArchiveFormat format, long frameBytes) {
        this.format = format;
        this.frameBytes = frameBytes;
        this.frames = new FrameOutputStream(format, file);
        // records of 512 bytes with no larger blocking, so that every member ends on a byte the frames can cut at
        this.tar = new TarArchiveOutputStream(frames, TarConstants.DEFAULT_RCDSIZE, StandardCharsets.UTF_8.name());
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        tar.setAddPaxHeadersForNonAsciiNames(true);
    }

    public void directory(String path, int mode, long mtime) throws IOException {
        TarArchiveEntry entry = entry(path + "/", TarConstants.LF_DIR, mode, mtime);
        begin(entry);
        tar.closeArchiveEntry();
        members.add(new Member(frames.currentFrame(), Member.DIRECTORY, mode, 0, mtime, "", "", path, ""));
    }

    public void symlink(String path, String target, int mode, long mtime) throws IOException {
        TarArchiveEntry entry = entry(path, TarConstants.LF_SYMLINK, mode, mtime);
        entry.setLinkName(target);
        begin(entry);
        tar.closeArchiveEntry();
        members.add(new Member(frames.currentFrame(), Member.SYMLINK, mode, 0, mtime, "", "", path, target));
    }

    /** Copies exactly {@code size} bytes; a file that grew or shrank meanwhile fails, naming it. */
    public Member file(String path, int mode, long mtime, long size, InputStream content) throws IOException {
        TarArchiveEntry entry = entry(path, TarConstants.LF_NORMAL, mode, mtime);
        entry.setSize(size);
        begin(entry);
        Digests digests = new Digests();
        long left = size;
        while (left > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new IOException(path + " shrank while it was archived: " + (size - left) + " of " + size);
            }
            tar.write(buffer, 0, n);
            digests.update(buffer, 0, n);
            left -= n;
        }
        if (content.read() >= 0) {
            throw new IOException(path + " grew while it was archived beyond " + size + " bytes");
        }
        tar.closeArchiveEntry();
        Member member = new Member(
                frames.currentFrame(), Member.FILE, mode, size, mtime, digests.sha256(), digests.md5(), path, "");
        members.add(member);
        return member;
    }

    public void file(String path, int mode, long mtime, byte[] content) throws IOException {
        file(path, mode, mtime, content.length, new java.io.ByteArrayInputStream(content));
    }

    /** Starts a new frame before the next member. */
    public void cut() throws IOException {
        frames.cut();
    }

    public List<Member> members() {
        return List.copyOf(members);
    }

    /** Writes tar's end-of-archive records into the last frame and returns the index of what was written. */
    public ArchiveIndex finish() throws IOException {
        tar.finish();
        frames.close();
        return new ArchiveIndex(format, frames.frames(), members);
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
