package dev.trestle.editor.internal.history;

import dev.trestle.editor.history.FileStamp;
import dev.trestle.model.store.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Contents stored once under their SHA-256 ({@code ab/cdef…}). The digest is computed while copying, not before,
 * so a file that changes during the copy cannot be stored under the digest of other content.
 */
final class BlobStore {
    private final Path directory;

    BlobStore(Path directory) {
        this.directory = directory;
    }

    /** Stores the content of {@code file} unless already there; returns its digest and size. */
    Stored put(Path file) throws IOException {
        Files.createDirectories(directory);
        Path incoming = directory.resolve("incoming-" + Thread.currentThread().threadId() + "-" + System.nanoTime());
        MessageDigest digest = FileStamp.newSha256();
        long[] size = new long[1];
        try {
            AtomicFiles.write(incoming, out -> {
                // Not closed here: AtomicFiles forces and closes its own stream.
                OutputStream digesting = new DigestOutputStream(out, digest);
                try (InputStream in = Files.newInputStream(file)) {
                    size[0] = in.transferTo(digesting);
                }
                digesting.flush();
            });
            String sha256 = HexFormat.of().formatHex(digest.digest());
            Path blob = path(sha256);
            if (!Files.exists(blob)) {
                Files.createDirectories(blob.getParent());
                Files.move(incoming, blob, StandardCopyOption.ATOMIC_MOVE);
                AtomicFiles.forceDirectory(blob.getParent());
            }
            return new Stored(sha256, size[0]);
        } finally {
            Files.deleteIfExists(incoming);
        }
    }

    InputStream open(String sha256) throws IOException {
        try {
            return Files.newInputStream(path(sha256));
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(path(sha256).toString(), null, "the local history lost content " + sha256);
        }
    }

    Path path(String sha256) {
        return directory.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    record Stored(String sha256, long size) {}
}
