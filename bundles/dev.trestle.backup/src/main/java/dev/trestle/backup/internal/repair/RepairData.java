package dev.trestle.backup.internal.repair;

import dev.trestle.backup.internal.io.DeviceInput;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Recovery records for an archive, par2-style: Reed–Solomon parity over the archive's blocks (a Cauchy code over
 * GF(2^8), see {@link Layout}) and a SHA-256 per block, in {@code NAME.repair} beside it. The checksums say which
 * blocks are damaged, so damage is a known erasure and each stripe's parity restores as many damaged blocks as it
 * has parity blocks.
 *
 * <p>The file is a text header ({@code trestle-repair}, the layout, one checksum per data and per parity block, and
 * an {@code end} line with the SHA-256 of the header before it), then the parity blocks, stripe after stripe.
 */
public final class RepairData {
    private static final String MAGIC = "trestle-repair\t1\t";
    /** Blocks read before the parity workers are handed them: megabytes, so that the hand-over costs nothing. */
    private static final int BATCH = 64;

    private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());

    private RepairData() {}

    /** What the recovery records say of an archive. */
    public record Diagnosis(int damagedBlocks, int repairableBlocks, List<String> problems) {
        public boolean damaged() {
            return damagedBlocks > 0;
        }

        public boolean repairable() {
            return problems.isEmpty() && repairableBlocks == damagedBlocks;
        }
    }

    /**
     * Writes recovery data of about {@code percent} of the archive's size to {@code repair}: under a temporary name
     * first, so that {@code repair} never exists half-written.
     */
    public static void write(Path archive, Path repair, int percent) throws IOException {
        Layout layout = Layout.of(Files.size(archive), percent);
        int rows = layout.parity();
        int blockBytes = layout.blockBytes();
        byte[][] parity = new byte[layout.stripes() * rows][blockBytes];
        long blocks = layout.blocks();
        String[] sums = new String[(int) blocks];
        MessageDigest sha256 = sha256();
        // each worker owns every parity row of half the stripes, so no two touch the same bytes, and both get as
        // much work: by row, the plain XOR of the first row would leave its worker idle beside the second's
        int threads = Math.max(1, Math.min(WORKERS, layout.stripes()));
        ExecutorService workers = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(work, "backup-parity");
            thread.setDaemon(true);
            return thread;
        });
        try (ArchiveBlocks in =
                new ArchiveBlocks(new BufferedInputStream(Files.newInputStream(archive), 1 << 20), layout)) {
            // one batch, refilled: the workers are done with it before the next is read
            byte[][] batch = new byte[(int) Math.min(BATCH, blocks)][blockBytes];
            for (long first = 0; first < blocks; first += BATCH) {
                int count = (int) Math.min(BATCH, blocks - first);
                for (int b = 0; b < count; b++) {
                    in.next(batch[b]);
                }
                long start = first;
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < threads; w++) {
                    int worker = w;
                    done.add(workers.submit(() -> {
                        MessageDigest digest = sha256();
                        for (int b = 0; b < count; b++) {
                            long block = start + b;
                            int stripe = layout.stripeOf(block);
                            if (stripe % threads != worker) {
                                continue;
                            }
                            sums[(int) block] = HexFormat.of().formatHex(digest.digest(batch[b]));
                            for (int row = 0; row < rows; row++) {
                                int coefficient = layout.coefficient(row, layout.positionOf(block));
                                GaloisField.multiplyAdd(parity[stripe * rows + row], batch[b], coefficient, blockBytes);
                            }
                        }
                    }));
                }
                await(done);
            }
        } finally {
            workers.shutdownNow();
        }
        StringBuilder header = new StringBuilder();
        header.append("size\t").append(layout.size()).append('\n');
        header.append("layout\t")
                .append(blockBytes)
                .append('\t')
                .append(layout.stripes())
                .append('\t')
                .append(layout.dataPerStripe())
                .append('\t')
                .append(rows)
                .append('\n');
        for (String sum : sums) {
            header.append("block\t").append(sum).append('\n');
        }
        for (byte[] block : parity) {
            header.append("parity\t")
                    .append(HexFormat.of().formatHex(sha256.digest(block)))
                    .append('\n');
        }
        byte[] body = header.toString().getBytes(StandardCharsets.US_ASCII);
        String end = "end\t" + HexFormat.of().formatHex(sha256.digest(body)) + "\n";
        byte[] endBytes = end.getBytes(StandardCharsets.US_ASCII);
        String first = MAGIC + "%012d\n".formatted(MAGIC.length() + 13 + body.length + endBytes.length);
        Path partial = repair.resolveSibling("." + repair.getFileName() + ".writing");
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial), 1 << 20)) {
            out.write(first.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.write(endBytes);
            for (byte[] block : parity) {
                out.write(block);
            }
        }
        Files.move(partial, repair, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Which blocks of {@code archive} are damaged, read past the page cache, and whether the parity restores them. */
    public static Diagnosis check(Path archive, Path repair) throws IOException {
        Records records;
        try {
            records = Records.read(repair);
        } catch (RepairDataException e) {
            return new Diagnosis(0, 0, List.of(e.getMessage()));
        }
        return records.diagnose(damagedBlocks(archive, records));
    }

    /**
     * Writes {@code archive} with its damaged blocks restored to {@code repaired}, cut to the size it was written
     * with, and forces it.
     *
     * @return how many blocks were restored
     * @throws IOException if the damage is more than the parity restores; nothing is written then
     */
    public static int repair(Path archive, Path repair, Path repaired) throws IOException {
        Records records;
        try {
            records = Records.read(repair);
        } catch (RepairDataException e) {
            throw new IOException(e.getMessage(), e);
        }
        boolean[] damaged = damagedBlocks(archive, records);
        Diagnosis diagnosis = records.diagnose(damaged);
        if (!diagnosis.repairable()) {
            throw new IOException(archive + ": " + diagnosis.damagedBlocks() + " damaged blocks, of which the repair"
                    + " data restores " + diagnosis.repairableBlocks()
                    + (diagnosis.problems().isEmpty() ? "" : "; ")
                    + String.join("; ", diagnosis.problems()));
        }
        byte[][] restored = records.restore(archive, damaged);
        Layout layout = records.layout();
        int blockBytes = layout.blockBytes();
        try (ArchiveBlocks in = new ArchiveBlocks(DeviceInput.open(archive), layout);
                FileChannel out = FileChannel.open(
                        repaired,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            byte[] block = new byte[blockBytes];
            for (long i = 0; i < layout.blocks(); i++) {
                in.next(block);
                write(out, damaged[(int) i] ? restored[(int) i] : block, layout.bytesIn(i));
            }
            out.force(true);
        }
        return diagnosis.damagedBlocks();
    }

    /** Reads the archive once, as it was written (its recorded size), and marks every block whose checksum fails. */
    private static boolean[] damagedBlocks(Path archive, Records records) throws IOException {
        Layout layout = records.layout();
        boolean[] damaged = new boolean[(int) layout.blocks()];
        if (!Files.exists(archive)) {
            Arrays.fill(damaged, true);
            return damaged;
        }
        MessageDigest sha256 = sha256();
        int blockBytes = layout.blockBytes();
        try (ArchiveBlocks in = new ArchiveBlocks(DeviceInput.open(archive), layout)) {
            byte[] block = new byte[blockBytes];
            for (int i = 0; i < damaged.length; i++) {
                damaged[i] = in.next(block) < layout.bytesIn(i)
                        || !HexFormat.of()
                                .formatHex(sha256.digest(block))
                                .equals(records.sums().get(i));
            }
        }
        return damaged;
    }

    private static void write(FileChannel out, byte[] content, int length) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(content, 0, length);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }

    private static void await(List<Future<?>> futures) throws IOException {
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while computing repair data");
            } catch (ExecutionException e) {
                throw new IOException("computing repair data failed: " + e.getCause(), e.getCause());
            }
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    static final class RepairDataException extends Exception {
        private static final long serialVersionUID = 1L;

        RepairDataException(String message) {
            super(message);
        }
    }

    static String magic() {
        return MAGIC;
    }
}
