package dev.trestle.backup.internal.repair;

/**
 * How an archive is cut into blocks and the blocks into stripes, each stripe with its own parity blocks. Block
 * {@code i} belongs to stripe {@code i % stripes}: consecutive blocks lie in different stripes, so one damaged
 * region (bad sectors, a cut-off tail) costs each stripe only a block or two, and up to {@code stripes * parity}
 * consecutive damaged blocks are repaired.
 *
 * @param size the archive's size
 * @param blockBytes bytes per block; the last block is padded with zeros
 * @param stripes how many stripes
 * @param dataPerStripe the most data blocks a stripe holds
 * @param parity parity blocks per stripe: the most damaged blocks one stripe can lose and still be repaired
 */
record Layout(long size, int blockBytes, int stripes, int dataPerStripe, int parity) {
    /** Parity blocks per stripe: two, so that one stripe survives two scattered bad blocks, not only a run. */
    static final int PARITY = 2;

    static final int MIN_BLOCK = 512;
    static final int MAX_BLOCK = 1 << 20;

    Layout {
        // a Cauchy matrix needs a distinct field element per data block and per parity block
        if (dataPerStripe + parity > 256 || dataPerStripe < 1 || parity < 1) {
            throw new IllegalArgumentException(dataPerStripe + " data and " + parity + " parity blocks per stripe");
        }
    }

    /** A layout whose parity is about {@code percent} of {@code size}, and never less than two blocks. */
    static Layout of(long size, int percent) {
        if (percent < 1 || percent > 50) {
            throw new IllegalArgumentException("repair data must be 1 to 50 percent of the archive, not " + percent);
        }
        // about 2000 blocks: fine enough that damage costs little, coarse enough that the checksums stay small
        int block = MIN_BLOCK;
        while (block < MAX_BLOCK && (long) block * 2048 < size) {
            block <<= 1;
        }
        long blocks = Math.max(1, (size + block - 1) / block);
        int perStripe = (int) Math.min(250, Math.max(1, Math.round(PARITY * 100.0 / percent)));
        int stripes = (int) ((blocks + perStripe - 1) / perStripe);
        int balanced = (int) ((blocks + stripes - 1) / stripes);
        return new Layout(size, block, stripes, balanced, PARITY);
    }

    long blocks() {
        return Math.max(1, (size + blockBytes - 1) / blockBytes);
    }

    /** How many of the archive's bytes a block holds: all but the last are full. */
    int bytesIn(long block) {
        return (int) Math.min(blockBytes, size - block * blockBytes);
    }

    int stripeOf(long block) {
        return (int) (block % stripes);
    }

    int positionOf(long block) {
        return (int) (block / stripes);
    }

    /**
     * The coefficient of data position {@code j} in parity row {@code r}. Two rows are RAID 6's P and Q: all ones, so
     * the first parity block is a plain XOR, and g^j, distinct for each of up to 255 positions, so every 1 x 1 and
     * 2 x 2 system the damage leaves is solvable. More rows take a Cauchy matrix, 1 / (x_r + y_j), every square
     * submatrix of which is invertible.
     */
    int coefficient(int r, int j) {
        if (parity == 2) {
            return r == 0 ? 1 : GaloisField.power(j);
        }
        return GaloisField.inverse(r ^ (parity + j));
    }
}
