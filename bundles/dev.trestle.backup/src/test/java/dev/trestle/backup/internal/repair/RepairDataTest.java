package dev.trestle.backup.internal.repair;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The erasure code on its own: damage of every kind within the parity is repaired to the very bytes written. */
class RepairDataTest {
    /** 600 KB: 512-byte blocks, 40 to a stripe, 30 stripes of 2 parity blocks: a run of 60 blocks repairs. */
    private static final int SIZE = 600_001;

    @TempDir
    Path temp;

    private byte[] original;
    private Path archive;
    private Path repair;

    private void write(int percent) throws IOException {
        original = new byte[SIZE];
        new Random(11).nextBytes(original);
        archive = Files.write(temp.resolve("a.tar.zst"), original);
        repair = temp.resolve("a.tar.zst.repair");
        RepairData.write(archive, repair, percent);
    }

    @Test
    void parityIsAboutThePercentAsked() throws IOException {
        write(5);
        String first = new String(Files.readAllBytes(repair), 0, 30, java.nio.charset.StandardCharsets.US_ASCII);
        long header = Long.parseLong(first.substring("trestle-repair\t1\t".length(), first.indexOf('\n')));
        long parity = Files.size(repair) - header;
        assertTrue(parity > SIZE * 0.045 && parity < SIZE * 0.06, "parity bytes " + parity);
        assertEquals(new RepairData.Diagnosis(0, 0, java.util.List.of()), RepairData.check(archive, repair));
    }

    @Test
    void aFlippedBitIsRepaired() throws IOException {
        assertRepaired(bytes -> flip(bytes, 300_000), 1);
    }

    @Test
    void aZeroedRunOfBlocksIsRepaired() throws IOException {
        // 40 blocks in a row: more than one stripe's parity, spread over 40 stripes by the interleaving
        assertRepaired(bytes -> zero(bytes, 100_000, 40 * 512), 41);
    }

    @Test
    void twoScatteredBlocksOfOneStripeAreRepaired() throws IOException {
        // blocks 7 and 7 + 30 share stripe 7
        assertRepaired(bytes -> flip(flip(bytes, 7 * 512 + 5), 37 * 512 + 9), 2);
    }

    @Test
    void aCutTailIsRepaired() throws IOException {
        assertRepaired(bytes -> Arrays.copyOf(bytes, SIZE - 10), 1);
        assertRepaired(bytes -> Arrays.copyOf(bytes, SIZE - 20_000), 40);
    }

    @Test
    void trailingDataIsCutOff() throws IOException {
        write(5);
        byte[] longer = Arrays.copyOf(original, SIZE + 100);
        Files.write(archive, longer);
        // the blocks are whole: only what lies past the recorded size differs, and the repaired copy drops it
        Path repaired = temp.resolve("repaired");
        RepairData.repair(archive, repair, repaired);
        assertArrayEquals(original, Files.readAllBytes(repaired));
    }

    @Test
    void moreDamageThanParityIsReportedAndNothingIsWritten() throws IOException {
        write(5);
        // blocks 7, 37 and 67 all lie in stripe 7, which has two parity blocks
        byte[] damaged = flip(flip(flip(original.clone(), 7 * 512), 37 * 512), 67 * 512);
        Files.write(archive, damaged);
        RepairData.Diagnosis diagnosis = RepairData.check(archive, repair);
        assertEquals(3, diagnosis.damagedBlocks());
        assertEquals(0, diagnosis.repairableBlocks());
        assertFalse(diagnosis.repairable());
        Path repaired = temp.resolve("repaired");
        IOException refused = assertThrows(IOException.class, () -> RepairData.repair(archive, repair, repaired));
        assertTrue(refused.getMessage().contains("3 damaged blocks, of which the repair data restores 0"));
        assertFalse(Files.exists(repaired));
        assertArrayEquals(damaged, Files.readAllBytes(archive), "the damaged archive is left as it was");
    }

    @Test
    void damagedParityIsNotTrustedButTheRestStillRepairs() throws IOException {
        write(5);
        byte[] records = Files.readAllBytes(repair);
        // the last parity block: stripe 29's second row
        flip(records, records.length - 100);
        Files.write(repair, records);
        Files.write(archive, flip(original.clone(), 29 * 512 + 1));
        assertTrue(RepairData.check(archive, repair).repairable(), "stripe 29 still has one intact parity block");
        Path repaired = temp.resolve("repaired");
        RepairData.repair(archive, repair, repaired);
        assertArrayEquals(original, Files.readAllBytes(repaired));
    }

    @Test
    void aDamagedHeaderIsReportedNotBelieved() throws IOException {
        write(5);
        byte[] records = Files.readAllBytes(repair);
        flip(records, 200);
        Files.write(repair, records);
        RepairData.Diagnosis diagnosis = RepairData.check(archive, repair);
        assertFalse(diagnosis.repairable());
        assertTrue(
                diagnosis.problems().get(0).contains("damaged"),
                diagnosis.problems().toString());
    }

    private void assertRepaired(UnaryOperator<byte[]> damage, int blocks) throws IOException {
        write(5);
        Files.write(archive, damage.apply(original.clone()));
        RepairData.Diagnosis diagnosis = RepairData.check(archive, repair);
        assertEquals(blocks, diagnosis.damagedBlocks());
        assertTrue(diagnosis.repairable());
        Path repaired = temp.resolve("repaired");
        assertEquals(blocks, RepairData.repair(archive, repair, repaired));
        assertArrayEquals(original, Files.readAllBytes(repaired));
    }

    private static byte[] flip(byte[] bytes, int at) {
        bytes[at] ^= 0x20;
        return bytes;
    }

    private static byte[] zero(byte[] bytes, int from, int length) {
        Arrays.fill(bytes, from, from + length, (byte) 0);
        return bytes;
    }
}
