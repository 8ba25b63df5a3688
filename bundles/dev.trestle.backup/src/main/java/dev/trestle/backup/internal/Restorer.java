package dev.trestle.backup.internal;

import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.FrameReader;
import dev.trestle.backup.internal.archive.IndexFile;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.backup.internal.archive.MemberSink;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.backup.internal.archive.WholeOrNothing;
import dev.trestle.backup.internal.io.DeviceInput;
import dev.trestle.core.jobs.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Restores files from an archive. Each file goes to a temporary name first and takes its real name only once its
 * digests matched, so a damaged file never overwrites a good one in the target.
 */
final class Restorer implements MemberSink {
    private final SafeTarget target;
    private final Set<String> wanted;
    private final List<String> restored = new ArrayList<>();
    private final List<String> damaged = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private final List<String> failed = new ArrayList<>();
    private final List<Member> directories = new ArrayList<>();
    /** The access time every restored entry gets, as tar gives it: the time of the restore. */
    private final FileTime restoredAt = FileTime.from(Instant.now());

    private Member judged;
    private String judgement;
    /** The member last reported among the failed: it is neither written on nor reported again. */
    private Member failedMember;
    /** The file last written at its own name rather than a temporary one. */
    private Member writtenInPlace;

    private Restorer(SafeTarget target, Set<String> wanted) {
        this.target = target;
        this.wanted = wanted;
    }

    /** @param progress told the bytes and files done, and asked between frames whether to stop; may be null */
    static RestoreReport restore(Path archive, Path targetDir, Set<String> files, Progress progress)
            throws IOException {
        ArchiveIndex index = IndexFile.read(Sidecars.index(archive));
        List<String> notFound = files.stream()
                .filter(f -> index.sourceMembers().stream().noneMatch(m -> covers(f, m.path())))
                .toList();
        Files.createDirectories(targetDir);
        RestoreReport report =
                restoreFrom(archive, archive.getFileName().toString(), index, targetDir, files, notFound, progress);
        if (report.damaged().isEmpty()) {
            return report;
        }
        // Damage the repair data undoes is undone in a copy (the archive itself is only read), and the restore runs
        // again from it, in order. Only then: looking for damage first would read the whole archive once more, while
        // a restore reads only what it needs and finds damage on its own.
        Path scratch = Files.createTempFile("trestle-restore-", ".repaired");
        try {
            Path repaired = Repairs.restorable(archive, scratch);
            return repaired.equals(archive)
                    ? report
                    : restoreFrom(
                            repaired,
                            archive.getFileName() + ", repaired,",
                            index,
                            targetDir,
                            files,
                            notFound,
                            progress);
        } finally {
            Files.deleteIfExists(scratch);
        }
    }

    private static RestoreReport restoreFrom(
            Path source,
            String name,
            ArchiveIndex index,
            Path targetDir,
            Set<String> files,
            List<String> notFound,
            Progress progress)
            throws IOException {
        Restorer restorer = new Restorer(new SafeTarget(targetDir), files);
        String task = "Restoring " + name + " into " + targetDir;
        if (files.isEmpty()) {
            if (progress != null) {
                progress.begin(task, index.expectedSize());
            }
            try (InputStream in = DeviceInput.open(source)) {
                FrameReader.read(in, Files.size(source), index, restorer, progress);
            }
        } else {
            List<Integer> frames = index.framesHolding(restorer::selected);
            if (progress != null) {
                progress.begin(
                        task,
                        frames.stream()
                                .mapToLong(number -> index.frames().get(number).length())
                                .sum());
            }
            FrameReader.readFrames(source, index, frames, restorer, progress);
        }
        restorer.finishDirectories();
        return new RestoreReport(restorer.restored, restorer.damaged, restorer.refused, notFound, restorer.failed);
    }

    private static boolean covers(String requested, String path) {
        return path.equals(requested) || path.startsWith(requested + "/");
    }

    private boolean selected(Member member) {
        return !member.path().startsWith(".trestle-backup")
                && (wanted.isEmpty() || wanted.stream().anyMatch(w -> covers(w, member.path())));
    }

    @Override
    public OutputStream open(Member member) {
        if (!selected(member) || refusal(member) != null) {
            return null;
        }
        Path temp = temp(member);
        try {
            try {
                return writing(temp, member);
            } catch (FileAlreadyExistsException e) {
                // left by a restore that was killed: only ever a name of ours, unlinked rather than truncated in place
                Files.delete(temp);
                return writing(temp, member);
            }
        } catch (IOException e) {
            failed(member, e);
            return null;
        }
    }

    /**
     * Content already found intact goes straight to its own name when nothing has that name yet; a file that exists
     * is still replaced only once its successor is whole.
     */
    @Override
    public OutputStream openIntact(Member member) {
        if (!selected(member) || refusal(member) != null) {
            return null;
        }
        try {
            OutputStream out = writing(target.resolve(member.path()), member);
            writtenInPlace = member;
            return out;
        } catch (FileAlreadyExistsException e) {
            return open(member);
        } catch (IOException e) {
            failed(member, e);
            return null;
        }
    }

    /** A new file {@code file} for {@code member}'s content, removed again if the content cannot be written. */
    private OutputStream writing(Path file, Member member) throws IOException {
        return new WholeOrNothing(
                Files.newOutputStream(
                        file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                file,
                target.resolve(member.path()));
    }

    @Override
    public void finished(Member member, String reason) throws IOException {
        if (!selected(member)) {
            return;
        }
        String refusal = refusal(member);
        if (member == failedMember) {
            return; // reported when it failed
        }
        if (refusal != null) {
            refused.add(member.path() + ": " + refusal);
            return;
        }
        if (reason != null) {
            damaged.add(member.path() + ": " + reason);
            if (member.isFile()) {
                Files.deleteIfExists(temp(member));
            }
            return;
        }
        try {
            put(member);
        } catch (IOException e) {
            failed(member, e);
            if (member.isFile() && writtenInPlace != member) {
                Files.deleteIfExists(temp(member));
            }
            return;
        }
        restored.add(member.path());
    }

    private void put(Member member) throws IOException {
        Path path = target.resolve(member.path());
        switch (member.type()) {
            case Member.FILE -> {
                if (writtenInPlace != member) {
                    moveInPlace(temp(member), path);
                }
                target.replaced(member.path());
                Attributes.apply(path, member, restoredAt);
            }
            case Member.DIRECTORY -> {
                target.makeDirectory(member.path());
                directories.add(member);
            }
            default -> {
                Files.deleteIfExists(path);
                target.replaced(member.path());
                Files.createSymbolicLink(path, Path.of(member.link()));
            }
        }
    }

    /**
     * The target would not take this member: reported, and the restore goes on. Only content that cannot be written
     * stops it ({@link SinkException}).
     */
    private void failed(Member member, IOException e) {
        failed.add(member.path() + ": " + why(e));
        failedMember = member;
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    /** One rename, which replaces a file of that name at once; what it refuses (a directory there) the slow way. */
    private static void moveInPlace(Path temp, Path path) throws IOException {
        try {
            Files.move(temp, path, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /**
     * Why this member may not be written, checked again for each member because earlier ones change the tree; asked
     * twice of a file, when it is opened and when it is finished, and judged once.
     */
    private String refusal(Member member) {
        if (member == judged) {
            return judgement;
        }
        String bad = SafeTarget.checkName(member.path());
        if (bad == null && member.type() == Member.SYMLINK) {
            bad = SafeTarget.checkLink(member.link());
        }
        if (bad == null) {
            try {
                bad = target.prepareParents(member.path());
            } catch (IOException e) {
                failed(member, e);
                bad = "its directory could not be made";
            }
        }
        judged = member;
        judgement = bad;
        return bad;
    }

    private Path temp(Member member) {
        Path path = target.resolve(member.path());
        return path.resolveSibling("." + path.getFileName() + ".trestle-restore");
    }

    /** Directory mtimes last: writing the files into them would have changed them. */
    private void finishDirectories() throws IOException {
        for (Member directory : directories.reversed()) {
            Path path = target.resolve(directory.path());
            // a later member may have put a link in its place: chmod and utimes would follow it out of the target
            if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    Attributes.apply(path, directory, restoredAt);
                } catch (IOException e) {
                    failed(directory, e);
                    restored.remove(directory.path());
                }
            }
        }
    }
}
