package dev.trestle.backup.internal.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-back comparison stands in for a second full verification, so it must find any difference. */
class ReadBackTest {
    @TempDir
    Path temp;

    @Test
    void findsTheFirstDifferingByteBeyondTheFirstChunkAndACutCopy() throws IOException {
        byte[] data = new byte[9_000_001];
        new Random(3).nextBytes(data);
        Path original = Files.write(temp.resolve("original"), data);

        ReadBack.Result same = ReadBack.compare(original, copy(data));
        assertEquals(true, same.identical());
        assertEquals(-1, same.difference());

        byte[] flipped = data.clone();
        flipped[5_000_001] ^= 0x40;
        assertEquals(5_000_001, ReadBack.compare(original, copy(flipped)).difference());

        assertEquals(
                8_999_990,
                ReadBack.compare(original, copy(Arrays.copyOf(data, 8_999_990))).difference());
        byte[] longer = Arrays.copyOf(data, data.length + 1);
        assertEquals(9_000_001, ReadBack.compare(original, copy(longer)).difference());
    }

    @Test
    void theDigestOfTheDeviceCopyMatchesOnlyTheBytesWritten() throws IOException, NoSuchAlgorithmException {
        byte[] data = new byte[9_000_001];
        new Random(4).nextBytes(data);
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));

        assertTrue(ReadBack.digest(copy(data), data.length, sha256).identical());
        byte[] flipped = data.clone();
        flipped[7_000_000] ^= 0x02;
        assertFalse(ReadBack.digest(copy(flipped), data.length, sha256).identical());
        assertFalse(ReadBack.digest(copy(Arrays.copyOf(data, data.length - 10)), data.length, sha256)
                .identical());
    }

    private Path copy(byte[] content) throws IOException {
        Path copy = temp.resolve("copy");
        Files.write(copy, content);
        return copy;
    }
}
