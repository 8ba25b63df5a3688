package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

    /** Frames up to this size are read into memory and checked on a worker; larger ones in line. */
    private static final long PARALLEL_FRAME_BYTES = 64L << 20;

    private static final int THREADS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private final ArchiveIndex index;
    private final MemberSink sink;
    private final Map<String, String> damaged = new LinkedHashMap<>();
    private final List<String> intact = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    private FrameReader(ArchiveIndex index, MemberSink sink) {
        this.index = index;
        this.sink = sink;
    }

    /**
     * @param fileSize the archive's size as the file system reports it
     */
    public static Outcome read(InputStream archive, long fileSize, ArchiveIndex index, MemberSink sink)
            throws IOException {
        FrameReader reader = new FrameReader(index, sink);
        long expected = index.expectedSize();
        if (fileSize < expected) {
            reader.problems.add("truncated: " + fileSize + " bytes, the index expects " + expected);
        } else if (fileSize > expected) {
            reader.problems.add("trailing data: " + (fileSize - expected) + " bytes after the last frame");
        }
        if (sink == MemberSink.DISCARD && THREADS > 1) {
            reader.readParallel(archive);
        } else {
            for (int i = 0; i < index.frames().size(); i++) {
                reader.merge(reader.frame(archive, i, true));
            }
        }
        return new Outcome(reader.damaged, reader.intact, reader.problems);
    }

    /** Checks only the given frames of an archive file, each read from its offset, as {@link #read} would. */
    public static Outcome readFrames(Path file, ArchiveIndex index, List<Integer> numbers) throws IOException {
        FrameReader reader = new FrameReader(index, MemberSink.DISCARD);
        if (numbers.isEmpty()) {
            return new Outcome(reader.damaged, reader.intact, reader.problems);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int number : numbers) {
                channel.position(index.frames().get(number).offset());
                // not closed: that would close the channel; the next frame repositions it
                InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 20);
                reader.merge(reader.frame(in, number, false));
            }
        }
        return new Outcome(reader.damaged, reader.intact, reader.problems);
    }

    /**
     * Frames are independent, so when nothing is written out they are checked on several threads: this thread reads
     * each frame's bytes (one sequential pass over the file, as {@code O_DIRECT} wants) and workers decompress and
     * digest them. Results are merged in frame order, so the report is the same as a sequential read's.
     */
    private void readParallel(InputStream archive) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, work -> {
            Thread thread = new Thread(work, "backup-verify");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Checked>> pending = new ArrayDeque<>();
        try {
            for (int i = 0; i < index.frames().size(); i++) {
                Frame frame = index.frames().get(i);
                int number = i;
                if (frame.length() > PARALLEL_FRAME_BYTES) {
                    while (!pending.isEmpty()) {
                        merge(take(pending.removeFirst()));
                    }
                    merge(frame(archive, number, false));
                    continue;
                }
                byte[] bytes = archive.readNBytes((int) frame.length());
                pending.add(workers.submit(() -> {
                    Checked intact = intactInMemory(bytes, number);
                    return intact != null ? intact : frame(new ByteArrayInputStream(bytes), number, false);
                }));
                while (pending.size() > 2 * THREADS) {
                    merge(take(pending.removeFirst()));
                }
            }
            while (!pending.isEmpty()) {
                merge(take(pending.removeFirst()));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Checks a whole frame held in memory the quick way: decompressed with one call, its headers read where they lie
     * ({@link HeaderWalk}) and each file's content digested in place, rather than streamed through a tar reader.
     * Decides only that a frame is intact, and as strictly as {@link #frame} would: the zstd call fails on trailing
     * bytes and on a bad frame checksum, and the walk on anything but exactly the indexed members followed by zeros.
     *
     * @return the frame's members all intact, or null if anything is off, for {@link #frame} to say what
     */
    private Checked intactInMemory(byte[] compressed, int number) {
        Frame frame = index.frames().get(number);
        // bzip2's reader stops at the end of its stream and would not notice bytes after it: zstd's call does
        if (index.format() != ArchiveFormat.TAR_ZST
                || compressed.length != frame.length()
                || frame.plainLength() > Integer.MAX_VALUE - 8) {
            return null;
        }
        int length = (int) frame.plainLength();
        byte[] plain = DecodeBuffer.atLeast(length);
        try {
            if (Codecs.decompress(index.format(), compressed, plain, length) != length) {
                return null;
            }
        } catch (IOException | RuntimeException e) {
            // zstd-jni reports some malformed input as runtime exceptions
            return null;
        }
        List<Member> members = index.membersOf(number);
        int[] starts = HeaderWalk.contentStarts(plain, length, members);
        if (starts == null) {
            return null;
        }
        MessageDigest sha256 = Digests.newSha256();
        for (int i = 0; i < starts.length; i++) {
            Member member = members.get(i);
            if (member.isFile()) {
                sha256.update(plain, starts[i], (int) member.size());
                if (!Digests.hex(sha256.digest()).equals(member.sha256())) {
                    return null;
                }
            }
        }
        return new Checked(members, Collections.nCopies(members.size(), null), null);
    }

    private static Checked take(Future<Checked> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while verifying");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("verifying a frame failed: " + e.getCause(), e.getCause());
        }
    }

    /** One frame's members in order, each with {@code null} if intact or the reason; and the frame's problem. */
    private record Checked(List<Member> members, List<String> reasons, String problem) {}

    private void merge(Checked checked) throws IOException {
        for (int i = 0; i < checked.members().size(); i++) {
            Member member = checked.members().get(i);
            String reason = checked.reasons().get(i);
            if (reason == null) {
                intact.add(member.path());
            } else {
                damaged.put(member.path(), reason);
            }
        }
        if (checked.problem() != null) {
            problems.add(checked.problem());
        }
    }

    /**
     * Checks frame {@code number}, whose bytes are next in {@code archive}; touches nothing shared but the sink.
     *
     * @param tellSink whether to hand each member to the sink as soon as it is checked, as restore needs: a link it
     *     writes must exist before the next member's path is judged. Verification discards, and runs frames in
     *     parallel.
     */
    private Checked frame(InputStream archive, int number, boolean tellSink) throws IOException {
        Frame frame = index.frames().get(number);
        String where = "frame " + number + " (bytes " + frame.offset() + ".." + frame.end() + ")";
        List<Member> members = index.membersOf(number);
        List<String> reasons = new ArrayList<>();
        Region region = new Region(archive, frame.length());
        String failure = null;
        try {
            Counting plain = new Counting(Codecs.decompressor(index.format(), region));
            TarArchiveInputStream tar =
                    new TarArchiveInputStream(plain, TarConstants.DEFAULT_RCDSIZE, TarConstants.DEFAULT_RCDSIZE);
            for (Member member : members) {
                String reason = MemberCheck.check(member, tar, sink);
                reasons.add(reason);
                if (tellSink) {
                    sink.finished(member, reason);
                }
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
            while (reasons.size() < members.size()) {
                Member member = members.get(reasons.size());
                reasons.add(failure);
                if (tellSink) {
                    sink.finished(member, failure);
                }
            }
        }
        long missing = region.drain();
        if (failure == null && missing > 0) {
            failure = where + ": " + missing + " bytes missing (archive truncated)";
        }
        return new Checked(members, reasons, failure);
    }
}
