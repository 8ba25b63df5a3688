package dev.trestle.backup.internal.repair;

import dev.trestle.backup.internal.io.DeviceInput;
import dev.trestle.backup.internal.repair.RepairData.Diagnosis;
import dev.trestle.backup.internal.repair.RepairData.RepairDataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** A repair file as read: its layout, the block checksums, and its parity blocks with whether each is intact. */
record Records(Layout layout, List<String> sums, byte[][] parity, boolean[] parityIntact) {
    static Records read(Path file) throws IOException, RepairDataException {
        try (InputStream in = DeviceInput.open(file)) {
            String magic = RepairData.magic();
            byte[] first = in.readNBytes(magic.length() + 13);
            String firstLine = new String(first, StandardCharsets.US_ASCII);
            if (!firstLine.startsWith(magic) || !firstLine.endsWith("\n")) {
                throw new RepairDataException(file + ": not repair data (no header)");
            }
            int headerBytes;
            try {
                headerBytes = Integer.parseInt(firstLine.substring(magic.length(), magic.length() + 12));
            } catch (NumberFormatException e) {
                throw new RepairDataException(file + ": damaged (its header length is unreadable)");
            }
            byte[] header = in.readNBytes(headerBytes - first.length);
            String text = new String(header, StandardCharsets.US_ASCII);
            int end = text.lastIndexOf("end\t");
            if (header.length != headerBytes - first.length || end < 0) {
                throw new RepairDataException(file + ": damaged (its header is cut short)");
            }
            MessageDigest sha256 = RepairData.sha256();
            String recorded = text.substring(end + 4).strip();
            if (!HexFormat.of()
                    .formatHex(sha256.digest(Arrays.copyOf(header, end)))
                    .equals(recorded)) {
                throw new RepairDataException(file + ": damaged (its header does not match its checksum)");
            }
            return parse(file, text.substring(0, end).split("\n"), in, sha256);
        }
    }

    private static Records parse(Path file, String[] lines, InputStream in, MessageDigest sha256)
            throws IOException, RepairDataException {
        Layout layout = null;
        long size = -1;
        List<String> sums = new ArrayList<>();
        List<String> paritySums = new ArrayList<>();
        try {
            for (String line : lines) {
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "size" -> size = Long.parseLong(f[1]);
                    case "layout" ->
                        layout = new Layout(
                                size,
                                Integer.parseInt(f[1]),
                                Integer.parseInt(f[2]),
                                Integer.parseInt(f[3]),
                                Integer.parseInt(f[4]));
                    case "block" -> sums.add(f[1]);
                    case "parity" -> paritySums.add(f[1]);
                    default -> throw new IllegalArgumentException("unknown record " + f[0]);
                }
            }
        } catch (RuntimeException e) {
            throw new RepairDataException(file + ": damaged (" + e.getMessage() + ")");
        }
        if (layout == null
                || sums.size() != layout.blocks()
                || paritySums.size() != layout.stripes() * layout.parity()) {
            throw new RepairDataException(file + ": damaged (its layout does not add up)");
        }
        byte[][] parity = new byte[paritySums.size()][];
        boolean[] intact = new boolean[parity.length];
        for (int i = 0; i < parity.length; i++) {
            parity[i] = new byte[layout.blockBytes()];
            int n = in.readNBytes(parity[i], 0, parity[i].length);
            intact[i] = n == parity[i].length
                    && HexFormat.of().formatHex(sha256.digest(parity[i])).equals(paritySums.get(i));
        }
        return new Records(layout, sums, parity, intact);
    }

    /** Per stripe, whether its intact parity blocks outnumber its damaged data blocks. */
    Diagnosis diagnose(boolean[] damaged) {
        int[] lost = new int[layout.stripes()];
        int total = 0;
        for (int i = 0; i < damaged.length; i++) {
            if (damaged[i]) {
                lost[layout.stripeOf(i)]++;
                total++;
            }
        }
        int repairable = 0;
        for (int s = 0; s < lost.length; s++) {
            if (lost[s] > 0 && lost[s] <= intactRows(s).size()) {
                repairable += lost[s];
            }
        }
        return new Diagnosis(total, repairable, List.of());
    }

    private List<Integer> intactRows(int stripe) {
        List<Integer> rows = new ArrayList<>();
        for (int r = 0; r < layout.parity(); r++) {
            if (parityIntact[stripe * layout.parity() + r]) {
                rows.add(r);
            }
        }
        return rows;
    }

    /**
     * The content of every damaged block, from the intact blocks of its stripe and its stripe's parity: the
     * syndromes of the intact blocks leave a small system in the damaged ones, which a Cauchy submatrix solves.
     */
    byte[][] restore(Path archive, boolean[] damaged) throws IOException {
        int rows = layout.parity();
        int blockBytes = layout.blockBytes();
        // per stripe: its damaged positions, the parity rows used, and the syndromes
        List<List<Integer>> lostPositions = new ArrayList<>();
        List<List<Integer>> usedRows = new ArrayList<>();
        byte[][][] syndromes = new byte[layout.stripes()][][];
        for (int s = 0; s < layout.stripes(); s++) {
            lostPositions.add(new ArrayList<>());
        }
        for (int i = 0; i < damaged.length; i++) {
            if (damaged[i]) {
                lostPositions.get(layout.stripeOf(i)).add(layout.positionOf(i));
            }
        }
        for (int s = 0; s < layout.stripes(); s++) {
            int lost = lostPositions.get(s).size();
            List<Integer> use =
                    intactRows(s).subList(0, Math.min(lost, intactRows(s).size()));
            usedRows.add(use);
            if (lost > 0) {
                syndromes[s] = new byte[lost][];
                for (int t = 0; t < lost; t++) {
                    syndromes[s][t] = parity[s * rows + use.get(t)].clone();
                }
            }
        }
        try (ArchiveBlocks in = new ArchiveBlocks(DeviceInput.open(archive), layout)) {
            byte[] block = new byte[blockBytes];
            for (int i = 0; i < damaged.length; i++) {
                in.next(block);
                int s = layout.stripeOf(i);
                if (damaged[i] || syndromes[s] == null) {
                    continue;
                }
                List<Integer> use = usedRows.get(s);
                for (int t = 0; t < use.size(); t++) {
                    GaloisField.multiplyAdd(
                            syndromes[s][t], block, layout.coefficient(use.get(t), layout.positionOf(i)), blockBytes);
                }
            }
        }
        byte[][] restored = new byte[damaged.length][];
        for (int s = 0; s < layout.stripes(); s++) {
            List<Integer> lost = lostPositions.get(s);
            if (lost.isEmpty()) {
                continue;
            }
            List<Integer> use = usedRows.get(s);
            int[][] system = new int[lost.size()][lost.size()];
            for (int t = 0; t < lost.size(); t++) {
                for (int u = 0; u < lost.size(); u++) {
                    system[t][u] = layout.coefficient(use.get(t), lost.get(u));
                }
            }
            int[][] inverse = GaloisField.invert(system);
            for (int u = 0; u < lost.size(); u++) {
                byte[] content = new byte[blockBytes];
                for (int t = 0; t < lost.size(); t++) {
                    GaloisField.multiplyAdd(content, syndromes[s][t], inverse[u][t], blockBytes);
                }
                restored[(int) ((long) lost.get(u) * layout.stripes() + s)] = content;
            }
        }
        return restored;
    }
}
