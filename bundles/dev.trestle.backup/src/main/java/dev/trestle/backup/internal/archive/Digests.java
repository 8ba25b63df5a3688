package dev.trestle.backup.internal.archive;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 and MD5, which every Java runtime must provide. */
final class Digests {
    /**
     * Never updated, only cloned: a clone skips the provider lookup of {@code getInstance}, which costs more than
     * hashing a small file, and a tree has tens of thousands of them.
     */
    private static final MessageDigest SHA256 = lookUp("SHA-256");

    private static final MessageDigest MD5 = lookUp("MD5");

    private final MessageDigest sha256 = copy(SHA256);
    private final MessageDigest md5 = copy(MD5);

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
        return copy(SHA256);
    }

    static byte[] sha256(byte[] data) {
        return copy(SHA256).digest(data);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return lookUp(prototype.getAlgorithm());
        }
    }

    private static MessageDigest lookUp(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java runtime", e);
        }
    }
}
