package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.core.jobs.Progress;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
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
    /** Told each frame's compressed bytes once its members are done, and asked between frames whether to stop. */
    private final Progress progress;

    private final Map<String, String> damaged = new LinkedHashMap<>();
    private final List<String> intact = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    /** Frame buffers a restore has written out, for the workers to decompress the next frames into. */
    private final Queue<byte[]> spareBuffers = new ConcurrentLinkedQueue<>();

    private FrameReader(ArchiveIndex index, MemberSink sink, Progress progress) {
        this.index = index;
        this.sink = sink;
        this.progress = progress == null ? Progress.SILENT : progress;
    }

    /**
     * @param fileSize the archive's size as the file system reports it
     */
    public static Outcome read(InputStream archive, long fileSize, ArchiveIndex index, MemberSink sink)
            throws IOException {
        return read(archive, fileSize, index, sink, null);
    }

    /**
     * @param fileSize the archive's size as the file system reports it
     * @param progress told each frame's compressed bytes (and, as a {@link FileProgress}, each file) when done; a
     *     cancel stops the read between frames with a {@link java.util.concurrent.CancellationException}; may be null
     */
    public static Outcome read(
            InputStream archive, long fileSize, ArchiveIndex index, MemberSink sink, Progress progress)
            throws IOException {
        return read(archive, fileSize, index, sink, onWorkers(index, sink), progress);
    }

    /** Reads every frame on this thread through the tar reader, in order: what {@link #read} must agree with. */
    static Outcome readInOrder(InputStream archive, long fileSize, ArchiveIndex index, MemberSink sink)
            throws IOException {
        return read(archive, fileSize, index, sink, false, null);
    }

    /**
     * A restore writes in frame order on this thread, so frames that only a tar reader can take apart (bzip2's) gain
     * nothing from workers there.
     */
    private static boolean onWorkers(ArchiveIndex index, MemberSink sink) {
        return THREADS > 1 && (sink == MemberSink.DISCARD || index.format() == ArchiveFormat.TAR_ZST);
    }

    private static Outcome read(
            InputStream archive,
            long fileSize,
            ArchiveIndex index,
            MemberSink sink,
            boolean onWorkers,
            Progress progress)
            throws IOException {
        FrameReader reader = new FrameReader(index, sink, progress);
        long expected = index.expectedSize();
        if (fileSize < expected) {
            reader.problems.add("truncated: " + fileSize + " bytes, the index expects " + expected);
        } else if (fileSize > expected) {
            reader.problems.add("trailing data: " + (fileSize - expected) + " bytes after the last frame");
        }
        FrameSource inOrder = new FrameSource() {
            @Override
            public byte[] bytes(Frame frame) throws IOException {
                return archive.readNBytes((int) frame.length());
            }

            @Override
            public InputStream stream(Frame frame) {
                return archive;
            }
        };
        reader.read(IntStream.range(0, index.frames().size()).boxed().toList(), inOrder, onWorkers);
        return new Outcome(reader.damaged, reader.intact, reader.problems);
    }

    /** Checks only the given frames of an archive file, each read from its offset, as {@link #read} would. */
    public static Outcome readFrames(Path file, ArchiveIndex index, List<Integer> numbers) throws IOException {
        return readFrames(file, index, numbers, MemberSink.DISCARD, null);
    }

    /**
     * Checks only the given frames of an archive file, in ascending order, each read from its offset, and hands their
     * members to {@code sink} as {@link #read} would: a restore of some files reads only the frames that hold them.
     *
     * @param progress as for {@link #read(InputStream, long, ArchiveIndex, MemberSink, Progress)}
     */
    public static Outcome readFrames(
            Path file, ArchiveIndex index, List<Integer> numbers, MemberSink sink, Progress progress)
            throws IOException {
        FrameReader reader = new FrameReader(index, sink, progress);
        if (numbers.isEmpty()) {
            return new Outcome(reader.damaged, reader.intact, reader.problems);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FrameSource atOffsets = new FrameSource() {
                @Override
                public byte[] bytes(Frame frame) throws IOException {
                    ByteBuffer bytes = ByteBuffer.allocate((int) frame.length());
                    while (bytes.hasRemaining()) {
                        if (channel.read(bytes, frame.offset() + bytes.position()) < 0) {
                            break; // a truncated archive: the frame's check names what is missing
                        }
                    }
                    return Arrays.copyOf(bytes.array(), bytes.position());
                }

                @Override
                public InputStream stream(Frame frame) throws IOException {
                    channel.position(frame.offset());
                    // not closed: that would close the channel; the next frame repositions it
                    return new BufferedInputStream(Channels.newInputStream(channel), 1 << 20);
                }
            };
            reader.read(numbers, atOffsets, numbers.size() > 1 && onWorkers(index, sink));
        }
        return new Outcome(reader.damaged, reader.intact, reader.problems);
    }

    /** Reads the given frames in order, on workers ({@link #readParallel}) or on this thread through the tar reader. */
    private void read(List<Integer> numbers, FrameSource source, boolean onWorkers) throws IOException {
        if (onWorkers) {
            readParallel(numbers, source);
            return;
        }
        for (int number : numbers) {
            progress.checkCancelled();
            delivered(number, frame(source.stream(index.frames().get(number)), number, true));
        }
    }

    /** Where the frames' bytes come from: the archive read front to back, or a file read at each frame's offset. */
    private interface FrameSource {
        /** The frame's compressed bytes, whole, or fewer where the archive ends early. */
        byte[] bytes(Frame frame) throws IOException;

        /** A stream positioned at the frame's first byte, for a frame too large to hold in memory. */
        InputStream stream(Frame frame) throws IOException;
    }

    /**
     * Frames are independent, so they are decompressed and digested on several threads: this thread reads each
     * frame's bytes (a sequential pass over the file, as {@code O_DIRECT} wants), workers decompress and check them,
     * and this thread takes the results in frame order, so the report is the same as a sequential read's. A restore
     * also writes each intact frame's members here, in order, from the bytes a worker decompressed: a link it writes
     * must exist before the next member's path is judged.
     */
    private void readParallel(List<Integer> numbers, FrameSource source) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(THREADS, work -> {
            Thread thread = new Thread(work, sink == MemberSink.DISCARD ? "backup-verify" : "backup-restore");
            thread.setDaemon(true);
            return thread;
        });
        Deque<Future<Decoded>> pending = new ArrayDeque<>();
        try {
            for (int number : numbers) {
                Frame frame = index.frames().get(number);
                if (frame.length() > PARALLEL_FRAME_BYTES) {
                    while (!pending.isEmpty()) {
                        deliver(take(pending.removeFirst()));
                    }
                    progress.checkCancelled();
                    delivered(number, frame(source.stream(frame), number, true));
                    continue;
                }
                progress.checkCancelled();
                byte[] bytes = source.bytes(frame);
                pending.add(workers.submit(() -> decode(bytes, number)));
                while (pending.size() > 2 * THREADS) {
                    deliver(take(pending.removeFirst()));
                }
            }
            while (!pending.isEmpty()) {
                deliver(take(pending.removeFirst()));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * A frame as a worker left it: checked to the end ({@code checked}), or decompressed and found intact with its
     * members still to be written ({@code plain} and {@code starts}), or, for a restore, to be read again through the
     * tar reader in order, which writes what is intact and names what is not ({@code compressed}).
     */
    private record Decoded(int number, Checked checked, byte[] plain, int[] starts, byte[] compressed) {}

    private Decoded decode(byte[] compressed, int number) throws IOException {
        if (sink == MemberSink.DISCARD) {
            int length = (int) Math.min(index.frames().get(number).plainLength(), Integer.MAX_VALUE - 8);
            Checked checked = intactInMemory(compressed, number, DecodeBuffer.atLeast(length)) != null
                    ? allIntact(number)
                    : frame(new ByteArrayInputStream(compressed), number, false);
            return new Decoded(number, checked, null, null, null);
        }
        // a buffer of its own: this thread writes the members out after the worker has moved on
        long plainLength = index.frames().get(number).plainLength();
        byte[] plain = plainLength <= Integer.MAX_VALUE - 8 ? spareBuffer((int) plainLength) : null;
        int[] starts = plain == null ? null : intactInMemory(compressed, number, plain);
        return starts != null
                ? new Decoded(number, null, plain, starts, null)
                : new Decoded(number, null, null, null, compressed);
    }

    /**
     * A buffer written out and free again, or a new one: frames are megabytes, and each one new and alive while the
     * frames before it are written was copied by every young collection.
     */
    private byte[] spareBuffer(int length) {
        byte[] spare = spareBuffers.poll();
        // room to spare: frames differ a little in size, and one grown by exactly the shortfall would grow again
        return spare != null && spare.length >= length ? spare : new byte[length + length / 4];
    }

    private void deliver(Decoded decoded) throws IOException {
        if (decoded.checked() != null) {
            delivered(decoded.number(), decoded.checked());
        } else if (decoded.starts() != null) {
            delivered(decoded.number(), writeIntact(decoded));
            spareBuffers.offer(decoded.plain());
        } else {
            delivered(decoded.number(), frame(new ByteArrayInputStream(decoded.compressed()), decoded.number(), true));
        }
    }

    /** Hands an intact frame's members to the sink, each file's content from where it lies in the frame. */
    private Checked writeIntact(Decoded decoded) throws IOException {
        List<Member> members = index.membersOf(decoded.number());
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            if (member.isFile()) {
                OutputStream out = sink.openIntact(member);
                if (out != null) {
                    try (out) {
                        out.write(decoded.plain(), decoded.starts()[i], (int) member.size());
                    }
                }
            }
            sink.finished(member, null);
        }
        return allIntact(decoded.number());
    }

    private Checked allIntact(int number) {
        List<Member> members = index.membersOf(number);
        return new Checked(members, Collections.nCopies(members.size(), null), null);
    }

    /**
     * Checks a whole frame held in memory the quick way: decompressed with one call into {@code plain}, its headers
     * read where they lie ({@link HeaderWalk}) and each file's content digested in place, rather than streamed
     * through a tar reader. Decides only that a frame is intact, and as strictly as {@link #frame} would: the zstd
     * call fails on trailing bytes and on a bad frame checksum, and the walk on anything but exactly the indexed
     * members followed by zeros.
     *
     * @return where each member's content starts in {@code plain}, all intact; or null if anything is off, for
     *     {@link #frame} to say what
     */
    private int[] intactInMemory(byte[] compressed, int number, byte[] plain) {
        Frame frame = index.frames().get(number);
        // bzip2's reader stops at the end of its stream and would not notice bytes after it: zstd's call does
        if (index.format() != ArchiveFormat.TAR_ZST
                || compressed.length != frame.length()
                || frame.plainLength() > plain.length) {
            return null;
        }
        int length = (int) frame.plainLength();
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
        return starts;
    }

    private static Decoded take(Future<Decoded> future) throws IOException {
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

    /** Takes a frame's outcome into the report, and tells the progress its bytes and files are done. */
    private void delivered(int number, Checked checked) throws IOException {
        merge(checked);
        progress.worked(index.frames().get(number).length());
        if (progress instanceof FileProgress files) {
            for (Member member : checked.members()) {
                if (member.isFile()) {
                    files.fileDone();
                }
            }
        }
    }

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
     *     writes must exist before the next member's path is judged. Workers checking frames for a verification pass
     *     false: they run out of order, and verification discards what they would tell.
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
        } catch (SinkException e) {
            throw e;
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
