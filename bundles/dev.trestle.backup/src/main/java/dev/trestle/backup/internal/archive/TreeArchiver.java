package dev.trestle.backup.internal.archive;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.Selection;
import dev.trestle.core.jobs.Progress;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/** Archives a directory tree into a file, and writes its index and checksum files beside it. */
public final class TreeArchiver {
    /**
     * What was written, and what was left out with the reason.
     *
     * @param checked every frame verified as it was written: decompressed and held against the index (see
     *     {@link FrameCheck}), or, for a frame compressed as it was read, read back from the file and digested
     * @param sha256 the SHA-256 of the archive file's bytes as written, the bytes {@code checked} is about
     */
    public record Written(ArchiveIndex index, List<String> skipped, FrameReader.Outcome checked, String sha256) {}

    private final ArchiveWriter writer;
    private final Path source;
    private final SelectionFilter selection;
    private final Progress progress;
    private final List<String> skipped = new ArrayList<>();
    /** Files smaller than this are read ahead of the walk; larger ones are read as they are archived. */
    private static final long SMALL_FILE = 1L << 20;

    private final Buffers buffers = new Buffers((int) SMALL_FILE + 1);

    private final ExecutorService readers = Executors.newFixedThreadPool(2, work -> {
        Thread thread = new Thread(work, "backup-read");
        thread.setDaemon(true);
        return thread;
    });

    private TreeArchiver(ArchiveWriter writer, Path source, Selection selection, Progress progress) {
        this.writer = writer;
        this.source = source;
        this.selection = selection.isAll() ? null : new SelectionFilter(selection);
        this.progress = progress;
    }

    public static Written archive(Path source, Path archive, ArchiveFormat format, long frameBytes) throws IOException {
        return archive(source, archive, format, frameBytes, Selection.ALL);
    }

    /** Archives what {@code selection} takes of {@code source}; what it leaves out is not listed as skipped. */
    public static Written archive(Path source, Path archive, ArchiveFormat format, long frameBytes, Selection selection)
            throws IOException {
        return archive(source, archive, format, frameBytes, selection, null);
    }

    /**
     * @param progress told of every file's bytes as they are read, and asked between files whether to stop; may be
     *     null
     */
    public static Written archive(
            Path source, Path archive, ArchiveFormat format, long frameBytes, Selection selection, Progress progress)
            throws IOException {
        return archive(source, archive, format, frameBytes, selection, progress, bytes -> {}, () -> {});
    }

    /**
     * @param verified told, as the archive grows, how many bytes from the file's start are written and verified (see
     *     {@link Written#checked()}): they will not change, and may be copied before the archive is complete
     * @param complete run once the archive file is complete and closed, before its index and checksum files are
     *     written: what reads the whole archive need not wait for those
     */
    public static Written archive(
            Path source,
            Path archive,
            ArchiveFormat format,
            long frameBytes,
            Selection selection,
            Progress progress,
            LongConsumer verified,
            Runnable complete)
            throws IOException {
        ArchiveIndex index;
        List<String> skipped;
        Map<Integer, String> frameProblems;
        List<FrameReader.Outcome> streamed;
        String sha256;
        byte[] sha256sums;
        byte[] md5sums;
        String indexLines;
        int contentMembers;
        try (FileChannel channel = FileChannel.open(archive, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 20)) {
            TreeArchiver archiver =
                    new TreeArchiver(new ArchiveWriter(out, format, frameBytes), source, selection, progress);
            archiver.writer.whenVerified(verified);
            archiver.writer.checkStreamedFrames(
                    (sofar, frame) -> FrameReader.readFrames(archive, sofar, List.of(frame)));
            try {
                archiver.walk(source);
                skipped = archiver.skipped;
                // ends the last frame of content: the manifests get frames of their own, so damage to them never
                // hides a file's
                List<Member> content = archiver.writer.members();
                contentMembers = content.size();
                // tens of thousands of lines each, made side by side on the readers, which have no files left to read
                Future<String> lines = archiver.readers.submit(() -> IndexFile.memberLines(content));
                Future<byte[]> manifest = archiver.readers.submit(() -> utf8(Manifests.manifest(content)));
                // the same lists go beside the archive: made once
                sha256sums = utf8(Manifests.sha256sums(content));
                md5sums = utf8(Manifests.md5sums(content));
                long now = System.currentTimeMillis() / 1000;
                archiver.writer.directory(Manifests.DIRECTORY, 0755, now);
                archiver.writer.file(Manifests.MANIFEST, 0644, now, result(manifest));
                archiver.writer.file(Manifests.SHA256SUMS, 0644, now, sha256sums);
                archiver.writer.file(Manifests.MD5SUMS, 0644, now, md5sums);
                index = archiver.writer.finish();
                indexLines = result(lines);
                frameProblems = archiver.writer.frameProblems();
                streamed = archiver.writer.streamedOutcomes();
                sha256 = archiver.writer.fileSha256();
            } catch (IOException | RuntimeException e) {
                archiver.writer.abandon();
                throw e;
            } finally {
                // a read still running belongs to a file the walk no longer wants
                archiver.readers.shutdownNow();
            }
            // not forced: a staged copy that every destination received is deleted unread by the device, and one
            // that is kept is forced then (StagedCreate), so forcing here would only wait for the disk
            out.flush();
        }
        complete.run();
        Files.write(Sidecars.index(archive), IndexFile.bytes(index, indexLines, contentMembers));
        Files.write(Sidecars.sha256(archive), sha256sums);
        Files.write(Sidecars.md5(archive), md5sums);
        return new Written(index, skipped, checked(index, frameProblems, streamed), sha256);
    }

    private static <T> T result(Future<T> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the manifests");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("making the manifests failed: " + e.getCause(), e.getCause());
        }
    }

    private static FrameReader.Outcome checked(
            ArchiveIndex index, Map<Integer, String> frameProblems, List<FrameReader.Outcome> streamed) {
        Map<String, String> damaged = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (FrameReader.Outcome fromFile : streamed) {
            damaged.putAll(fromFile.damaged());
            problems.addAll(fromFile.problems());
        }
        frameProblems.forEach((frame, problem) -> {
            Frame f = index.frames().get(frame);
            String where = "frame " + frame + " (bytes " + f.offset() + ".." + f.end() + ") as written: " + problem;
            problems.add(where);
            index.membersOf(frame).forEach(member -> damaged.put(member.path(), where));
        });
        List<String> intact = index.members().stream()
                .map(Member::path)
                .filter(path -> !damaged.containsKey(path))
                .toList();
        return new FrameReader.Outcome(damaged, intact, problems);
    }

    /** A directory's entry, its attributes read, in the order it is archived. */
    private record Entry(Path file, String path, PosixFileAttributes attributes) {}

    private void walk(Path dir) throws IOException {
        List<Path> children;
        try (Stream<Path> list = Files.list(dir)) {
            children = list.sorted().toList();
        }
        List<Entry> entries = new ArrayList<>(children.size());
        for (Path child : children) {
            if (progress != null) {
                progress.checkCancelled();
            }
            String path = relative(child);
            if (Manifests.isOwn(path)) {
                skipped.add(path + ": name reserved for the archive's own manifests");
                continue;
            }
            PosixFileAttributes attributes =
                    Files.readAttributes(child, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (selection != null && !selection.takes(path, attributes.isDirectory())) {
                continue;
            }
            entries.add(new Entry(child, path, attributes));
        }
        ReadAhead ahead = new ReadAhead(entries);
        for (int i = 0; i < entries.size(); i++) {
            if (progress != null) {
                progress.checkCancelled();
            }
            Entry entry = entries.get(i);
            PosixFileAttributes attributes = entry.attributes();
            String path = entry.path();
            int mode = mode(attributes);
            long mtime = attributes.lastModifiedTime().toMillis() / 1000;
            if (attributes.isSymbolicLink()) {
                writer.symlink(path, Files.readSymbolicLink(entry.file()).toString(), mode, mtime);
            } else if (attributes.isDirectory()) {
                writer.directory(path, mode, mtime);
                walk(entry.file());
            } else if (attributes.isRegularFile()) {
                Read read = ahead.take(i);
                try (InputStream in = reported(
                        read != null
                                ? new ByteArrayInputStream(read.bytes(), 0, read.length())
                                : Files.newInputStream(entry.file(), LinkOption.NOFOLLOW_LINKS))) {
                    writer.file(path, mode, mtime, attributes.size(), in);
                }
                if (read != null) {
                    // the writer copied the bytes into its frame
                    buffers.give(read.bytes());
                }
                if (progress instanceof FileProgress files) {
                    files.fileDone();
                }
            } else {
                skipped.add(path + ": not a regular file, directory or symbolic link");
            }
        }
    }

    /**
     * Reads a directory's small files on other threads ahead of the walk, a window of them at a time: a tree is
     * mostly files of a few kilobytes, each an open, a read and a close, and one thread doing those in turn
     * cannot keep the compressing workers busy. Each file is read to one byte past its size, so that the writer
     * still sees a file that grew or shrank.
     */
    private final class ReadAhead {
        private static final int FILES = 64;
        private static final long BYTES = 16L << 20;

        private final List<Entry> entries;
        private final java.util.Map<Integer, Future<Read>> pending = new java.util.HashMap<>();
        private int next;
        private long bytesAhead;

        ReadAhead(List<Entry> entries) {
            this.entries = entries;
            fill();
        }

        /** The file's bytes if they were read ahead, else null: the caller reads it itself. */
        Read take(int index) throws IOException {
            Future<Read> read = pending.remove(index);
            if (read == null) {
                fill();
                return null;
            }
            bytesAhead -= entries.get(index).attributes().size();
            try {
                return read.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException(
                        "interrupted while reading " + entries.get(index).file());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IOException(
                        "reading " + entries.get(index).file() + " failed: " + e.getCause(), e.getCause());
            } finally {
                fill();
            }
        }

        private void fill() {
            while (next < entries.size() && pending.size() < FILES && bytesAhead < BYTES) {
                Entry entry = entries.get(next);
                PosixFileAttributes attributes = entry.attributes();
                if (attributes.isRegularFile() && attributes.size() < SMALL_FILE) {
                    pending.put(next, readers.submit(() -> readPlusOne(entry.file(), attributes.size())));
                    bytesAhead += attributes.size();
                }
                next++;
            }
        }
    }

    /** A file's bytes, read ahead into {@code bytes[0, length)}, an array to give back once they are archived. */
    private record Read(byte[] bytes, int length) {}

    private Read readPlusOne(Path file, long size) throws IOException {
        byte[] bytes = buffers.take((int) size + 1);
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Read(bytes, in.readNBytes(bytes, 0, (int) size + 1));
        }
    }

    private InputStream reported(InputStream in) {
        if (progress == null) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    progress.worked(n);
                }
                return n;
            }
        };
    }

    /** The bytes of the regular files {@code selection} takes of {@code source}: the total for progress. */
    public static long size(Path source, Selection selection) throws IOException {
        SelectionFilter filter = selection.isAll() ? null : new SelectionFilter(selection);
        long[] total = {0};
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(source) || filter == null || filter.takes(relativeTo(source, dir), true)
                        ? FileVisitResult.CONTINUE
                        : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile() && (filter == null || filter.takes(relativeTo(source, file), false))) {
                    total[0] += attributes.size();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                // the archiver meets it again and says what it makes of it; the total is only an estimate
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    private static String relativeTo(Path source, Path child) {
        StringBuilder path = new StringBuilder();
        for (Path part : source.relativize(child)) {
            path.append(path.isEmpty() ? "" : "/").append(part);
        }
        return path.toString();
    }

    private String relative(Path child) {
        return relativeTo(source, child);
    }

    static int mode(PosixFileAttributes attributes) {
        int mode = 0;
        for (PosixFilePermission permission : attributes.permissions()) {
            mode |= 0400 >> permission.ordinal();
        }
        return mode;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
