package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveCopy;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.FrameReader;
import dev.trestle.backup.internal.archive.IndexFile;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.backup.internal.archive.MemberSink;
import dev.trestle.backup.internal.archive.Sidecars;
import dev.trestle.backup.internal.archive.WholeOrNothing;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * One file out of an archive, damaged or not, for reading beside its live copy. Unlike restore, which never lets a
 * damaged file take its name, this keeps whatever decoded: a reader wants to see how far the damage reaches.
 */
final class ArchiveCopies {
    private ArchiveCopies() {}

    static ArchiveCopy copyOf(Path archive, String file, Path directory) throws IOException {
        ArchiveIndex index = IndexFile.read(Sidecars.index(archive));
        if (index.sourceMembers().stream().noneMatch(m -> m.isFile() && m.path().equals(file))) {
            throw new NoSuchFileException(archive.toString(), null, "the archive holds no file " + file);
        }
        Files.createDirectories(directory);
        // the file name alone: the archive's path never decides where anything is written
        Path out = directory.resolve(Path.of(file).getFileName().toString());
        List<Integer> frames = index.framesHolding(member -> member.path().equals(file));
        String reason = copy(archive, index, frames, file, out);
        boolean repaired = false;
        if (reason != null) {
            // damage the repair data undoes is undone in a copy, and the file read again from it
            Path scratch = Files.createTempFile("trestle-copy-", ".repaired");
            try {
                Path source = Repairs.restorable(archive, scratch);
                if (!source.equals(archive)) {
                    reason = copy(source, index, frames, file, out);
                    repaired = true;
                }
            } finally {
                Files.deleteIfExists(scratch);
            }
        }
        if (!Files.exists(out)) {
            Files.createFile(out);
        }
        if (reason != null) {
            return new ArchiveCopy(out, false, "damaged, shown as far as it decodes: " + reason);
        }
        return new ArchiveCopy(out, true, repaired ? "repaired from the repair data" : "intact");
    }

    /** Decodes {@code file} from the frames that hold it into {@code out}: why it is damaged, or null if intact. */
    private static String copy(Path source, ArchiveIndex index, List<Integer> frames, String file, Path out)
            throws IOException {
        String[] reason = {null};
        MemberSink sink = new MemberSink() {
            @Override
            public OutputStream open(Member member) throws IOException {
                return member.path().equals(file) ? new WholeOrNothing(Files.newOutputStream(out), out, out) : null;
            }

            @Override
            public void finished(Member member, String why) {
                if (member.path().equals(file)) {
                    reason[0] = why;
                }
            }
        };
        FrameReader.readFrames(source, index, frames, sink, null);
        return reason[0];
    }
}
