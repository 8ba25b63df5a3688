package dev.trestle.editor.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/** What the editor knew about a file when it loaded or saved it, to tell later whether someone else changed it. */
public record FileStamp(long size, Instant modified, String sha256) {
    public static FileStamp of(Path file) throws IOException {
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return new FileStamp(size, modified, sha256(in));
        }
    }

    /** Whether size and time say the file is unchanged; when they differ, only the digest can tell. */
    public boolean sameSizeAndTime(Path file) throws IOException {
        return Files.size(file) == size
                && Files.getLastModifiedTime(file).toInstant().equals(modified);
    }

    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = newSha256();
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
