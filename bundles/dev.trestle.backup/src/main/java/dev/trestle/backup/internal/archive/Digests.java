package dev.trestle.backup.internal.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and MD5, which every Java runtime must provide. */
final class Digests {
    private final MessageDigest sha256 = digest("SHA-256");
    private final MessageDigest md5 = digest("MD5");

    void update(byte[] b, int off, int len) {
        sha256.update(b, off, len);
        md5.update(b, off, len);
    }

    String sha256() {
        return hex(sha256.digest());
    }

    String md5() {
        return hex(md5.digest());
    }

    /** A fresh SHA-256 digest. */
    static MessageDigest newSha256() {
        return digest("SHA-256");
    }

    static byte[] sha256(byte[] data) {
        return digest("SHA-256").digest(data);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
