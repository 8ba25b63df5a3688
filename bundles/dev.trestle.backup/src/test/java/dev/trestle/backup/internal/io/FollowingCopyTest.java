package dev.trestle.backup.internal.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The copy that follows a file as it is written must end as a durable copy of all of it, read back in full. */
class FollowingCopyTest {
    @TempDir
    Path temp;

    @Test
    void copiesAFileWhileItIsWrittenAndReadsBackEveryByte() throws IOException, NoSuchAlgorithmException {
        // past two of its force-and-read-back steps, ending inside a block
        byte[] data = new byte[(65 << 20) + 12_345];
        new Random(5).nextBytes(data);
        Path source = temp.resolve("source");
        Path dest = Files.createDirectories(temp.resolve("dest"));
        FollowingCopy copy = FollowingCopy.start(source, dest.resolve("archive"));
        try (OutputStream out = Files.newOutputStream(source)) {
            for (int off = 0; off < data.length; off += 3 << 20) {
                int n = Math.min(3 << 20, data.length - off);
                out.write(data, off, n);
                out.flush();
                copy.advance(off + n);
            }
        }

        ReadBack.Result result = copy.finish(data.length, sha256(data));

        assertTrue(result.identical());
        assertArrayEquals(data, Files.readAllBytes(dest.resolve("archive")));
        assertEquals(List.of("archive"), list(dest), "no temporary file is left");
    }

    @Test
    void aCopyWhoseBytesAreNotThoseVerifiedIsNotIdentical() throws IOException, NoSuchAlgorithmException {
        byte[] data = new byte[(40 << 20) + 1];
        new Random(6).nextBytes(data);
        String verified = sha256(data);
        data[(36 << 20) + 7] ^= 0x10;
        Path source = Files.write(temp.resolve("source"), data);
        Path dest = Files.createDirectories(temp.resolve("dest"));
        FollowingCopy copy = FollowingCopy.start(source, dest.resolve("archive"));
        copy.advance(data.length);

        assertFalse(copy.finish(data.length, verified).identical());
        assertFalse(copy(source, dest).finish(data.length - 1, sha256(data)).identical(), "a size that differs");
    }

    @Test
    void abandonedLeavesNothingAtTheDestination() throws IOException {
        byte[] data = new byte[1 << 20];
        Path source = Files.write(temp.resolve("source"), data);
        Path dest = Files.createDirectories(temp.resolve("dest"));
        FollowingCopy copy = FollowingCopy.start(source, dest.resolve("archive"));
        copy.advance(data.length / 2);

        copy.abandon();

        assertEquals(List.of(), list(dest));
    }

    private static FollowingCopy copy(Path source, Path dest) throws IOException {
        Files.deleteIfExists(dest.resolve("archive"));
        FollowingCopy copy = FollowingCopy.start(source, dest.resolve("archive"));
        copy.advance(Files.size(source));
        return copy;
    }

    private static String sha256(byte[] data) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
