package dev.trestle.backup.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.trestle.backup.ArchiveFormat;
import dev.trestle.backup.RestoreReport;
import dev.trestle.backup.internal.archive.ArchiveIndex;
import dev.trestle.backup.internal.archive.ArchiveWriter;
import dev.trestle.backup.internal.archive.IndexFile;
import dev.trestle.backup.internal.archive.Sidecars;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives built to escape the target directory: each trick is refused, and nothing lands outside the target, nor is
 * anything outside it changed.
 */
class HostileRestoreTest {
    @TempDir
    Path temp;

    private final BackupServiceImpl service = new BackupServiceImpl(Path.of("unused"), 1);

    /** A hostile archive with a consistent index, as an attacker who controls both would write it. */
    private Path archive(Writes writes) throws IOException {
        Path archive = temp.resolve("evil.tar.zst");
        ArchiveIndex index;
        try (OutputStream out = Files.newOutputStream(archive)) {
            ArchiveWriter writer = new ArchiveWriter(out, ArchiveFormat.TAR_ZST, 1);
            writes.to(writer);
            index = writer.finish();
        }
        Files.write(Sidecars.index(archive), IndexFile.bytes(index));
        return archive;
    }

    private interface Writes {
        void to(ArchiveWriter writer) throws IOException;
    }

    @Test
    void dotDotAndAbsolutePathsAreRefusedAndTheRestRestores() throws IOException {
        Path outside = temp.resolve("outside");
        Path archive = archive(w -> {
            w.file("../outside/x", 0644, 0, bytes("escaped"));
            w.file(outside.resolve("y").toString(), 0644, 0, bytes("absolute"));
            w.file("ok", 0644, 0, bytes("fine"));
        });
        Path target = temp.resolve("target/inner");
        RestoreReport report = service.restore(archive, target, Set.of());
        assertEquals(List.of("ok"), report.restored());
        assertEquals(2, report.refused().size(), report.refused()::toString);
        assertTrue(
                report.refused().get(0).startsWith("../outside/x: "),
                report.refused().get(0));
        assertTrue(
                report.refused().get(1).startsWith(outside + "/y: absolute"),
                report.refused().get(1));
        assertFalse(Files.exists(outside));
        assertEquals(Set.of("inner", "inner/ok"), listing(temp.resolve("target")));
    }

    @Test
    void linksOutOfTheTargetAreRestoredAsTheyWereButNothingIsWrittenThroughThem() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Path archive = archive(w -> {
            w.symlink("link", outside.toString(), 0777, 0);
            w.symlink("up", "../../outside", 0777, 0);
            w.file("link/x", 0644, 0, bytes("through an absolute link"));
            w.file("up/y", 0644, 0, bytes("through a relative link"));
        });
        Path target = temp.resolve("target/inner");
        RestoreReport report = service.restore(archive, target, Set.of());
        // as tar and restic restore them: a tree's links are part of it
        assertEquals(List.of("link", "up"), report.restored());
        assertEquals(outside, Files.readSymbolicLink(target.resolve("link")));
        assertEquals(Path.of("../../outside"), Files.readSymbolicLink(target.resolve("up")));
        assertEquals(
                List.of("link/x: passes through symbolic link link", "up/y: passes through symbolic link up"),
                report.refused());
        assertEquals(Set.of(), listing(outside));
    }

    @Test
    void aDirectoryALinkOutReplacedGetsNoAttributesThroughIt() throws IOException {
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.setPosixFilePermissions(outside, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(outside);
        Path archive = archive(w -> {
            w.directory("d", 0700, 1_000_000);
            w.symlink("d", outside.toString(), 0777, 0);
        });
        Path target = temp.resolve("target");
        RestoreReport report = service.restore(archive, target, Set.of());
        assertTrue(report.complete(), report::toString);
        assertTrue(Files.isSymbolicLink(target.resolve("d")));
        assertEquals(
                "rwxr-xr-x",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(outside)));
        assertEquals(before, Files.getLastModifiedTime(outside));
    }

    @Test
    void fileThroughASymlinkInsideTheTargetIsRefused() throws IOException {
        Path archive = archive(w -> {
            w.directory("real", 0755, 0);
            w.symlink("alias", "real", 0777, 0);
            w.file("alias/x", 0644, 0, bytes("through a link"));
        });
        Path target = temp.resolve("target");
        RestoreReport report = service.restore(archive, target, Set.of());
        assertEquals(List.of("real", "alias"), report.restored());
        assertEquals(List.of("alias/x: passes through symbolic link alias"), report.refused());
        assertEquals(Set.of(), listing(target.resolve("real")));
    }

    @Test
    void aDirectoryALinkReplacedIsNotTrustedAfterwards() throws IOException {
        Path archive = archive(w -> {
            w.directory("real", 0755, 0);
            w.directory("d", 0755, 0);
            w.symlink("d", "real", 0777, 0);
            w.file("d/x", 0644, 0, bytes("through the link that took the directory's place"));
        });
        Path target = temp.resolve("target");
        RestoreReport report = service.restore(archive, target, Set.of());
        assertEquals(List.of("d/x: passes through symbolic link d"), report.refused());
        assertTrue(Files.isSymbolicLink(target.resolve("d")));
        assertEquals(Set.of(), listing(target.resolve("real")));
    }

    @Test
    void aDirectoryAFileReplacedIsNotTrustedAfterwards() throws IOException {
        Path archive = archive(w -> {
            w.directory("d", 0755, 0);
            w.file("d", 0644, 0, bytes("a file where the directory was"));
            w.file("d/x", 0644, 0, bytes("under a file"));
        });
        Path target = temp.resolve("target");
        RestoreReport report = service.restore(archive, target, Set.of());
        assertEquals(List.of("d/x: d is not a directory"), report.refused());
        assertEquals("a file where the directory was", Files.readString(target.resolve("d")));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Set<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> !p.equals(dir))
                    .map(p -> dir.relativize(p).toString())
                    .collect(java.util.stream.Collectors.toSet());
        }
    }
}
