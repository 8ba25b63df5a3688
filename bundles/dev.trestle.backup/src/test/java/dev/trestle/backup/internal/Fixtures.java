package dev.trestle.backup.internal;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.CreateResult;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.IndexFile;
import dev.trestle.backup.internal.archive.Member;
import dev.trestle.backup.internal.archive.Sidecars;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/** Source trees and archives for the tests: random (incompressible) content, so damage lands inside a file. */
final class Fixtures {
    private Fixtures() {}

    /** Eight 24 KiB files in two directories, one with an odd name, one executable with an old mtime. */
    static Path tree(Path root) throws IOException {
        Random random = new Random(4);
        Files.createDirectories(root.resolve("src/sub"));
        List<String> names = List.of(
                "README", "src/a.c", "src/b.c", "src/sub/c.h", "src/sub/d.h", "src/e f.c", "src/sub/g\\h", "run.sh");
        for (String name : names) {
            byte[] content = new byte[24 * 1024];
            random.nextBytes(content);
            Files.write(root.resolve(name), content);
        }
        Files.setPosixFilePermissions(root.resolve("run.sh"), PosixFilePermissions.fromString("rwxr-x---"));
        Files.setLastModifiedTime(root.resolve("run.sh"), FileTime.fromMillis(1_000_000_000_000L));
        return root;
    }

    static CreateResult create(Path temp, ArchiveFormat format, long frameBytes) throws IOException {
        Path source = tree(temp.resolve("project"));
        Path destination = Files.createDirectories(temp.resolve("usb"));
        return new BackupServiceImpl(temp.resolve("staging"), frameBytes).create(source, destination, format);
    }

    static ArchiveIndex index(Path archive) throws IOException {
        return IndexFile.read(Sidecars.index(archive));
    }

    /** The source files (not directories or the archive's own manifests) whose frame overlaps the byte range. */
    static Set<String> filesInFrames(ArchiveIndex index, long from, long to) {
        return inFrames(index, from, to, true);
    }

    /** Files, directories and links of the source whose frame overlaps the byte range. */
    static Set<String> membersInFrames(ArchiveIndex index, long from, long to) {
        return inFrames(index, from, to, false);
    }

    private static Set<String> inFrames(ArchiveIndex index, long from, long to, boolean filesOnly) {
        Set<String> paths = new TreeSet<>();
        for (int i = 0; i < index.frames().size(); i++) {
            var frame = index.frames().get(i);
            if (frame.end() > from && frame.offset() < to) {
                for (Member m : index.membersOf(i)) {
                    if ((m.isFile() || !filesOnly) && !m.path().startsWith(".trestle-backup")) {
                        paths.add(m.path());
                    }
                }
            }
        }
        return paths;
    }

    static Set<String> allFiles(ArchiveIndex index) {
        return filesInFrames(index, 0, Long.MAX_VALUE);
    }

    static void modify(Path file, long offset, java.util.function.IntUnaryOperator change) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] = (byte) change.applyAsInt(bytes[(int) offset]);
        Files.write(file, bytes);
    }

    static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
