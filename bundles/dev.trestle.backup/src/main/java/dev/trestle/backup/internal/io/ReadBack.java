package dev.trestle.backup.internal.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Compares a copy, read from its device past the page cache, byte for byte with the file it was copied from. When
 * the original was fully verified (decompressed, every member digested) an identical copy is verified too, and
 * comparing costs a read and a {@code memcmp} where verifying again would cost decompressing and hashing everything.
 */
public final class ReadBack {
    /**
     * @param identical whether the copy holds exactly the original's bytes
     * @param bypassedCache false where the copy's file system refused {@code O_DIRECT}
     * @param difference where they first differ, or -1
     */
    public record Result(boolean identical, boolean bypassedCache, long difference) {}

    private static final int CHUNK = 4 << 20;

    private ReadBack() {}

    /**
     * Reads {@code copy} from its device and holds its size and SHA-256 against those of the bytes that were written
     * and verified. The difference, if any, is not located: {@code difference} is the copy's size.
     */
    public static Result digest(Path copy, long size, String sha256) throws IOException {
        try (InputStream device = DeviceInput.open(copy)) {
            boolean bypassed = DeviceInput.bypassedCache(device);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[CHUNK];
            long total = 0;
            for (int n; (n = device.read(buffer, 0, CHUNK)) >= 0; ) {
                digest.update(buffer, 0, n);
                total += n;
            }
            boolean same =
                    total == size && HexFormat.of().formatHex(digest.digest()).equals(sha256);
            return new Result(same, bypassed, same ? -1 : total);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public static Result compare(Path original, Path copy) throws IOException {
        try (InputStream device = DeviceInput.open(copy);
                InputStream local = Files.newInputStream(original)) {
            boolean bypassed = DeviceInput.bypassedCache(device);
            byte[] a = new byte[CHUNK];
            byte[] b = new byte[CHUNK];
            long position = 0;
            while (true) {
                int n = local.readNBytes(a, 0, CHUNK);
                int m = device.readNBytes(b, 0, CHUNK);
                int mismatch = Arrays.mismatch(a, 0, n, b, 0, m);
                if (mismatch >= 0) {
                    return new Result(false, bypassed, position + mismatch);
                }
                if (n < CHUNK) {
                    return new Result(true, bypassed, -1);
                }
                position += n;
            }
        }
    }
}
