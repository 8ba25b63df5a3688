package dev.trestle.backup.internal.repair;

/**
 * Arithmetic in GF(2^8) with the polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11d), the field of most Reed–Solomon
 * codes: addition is XOR; multiplication goes through a full 256 x 256 table, because coding multiplies every byte
 * of an archive by a constant and one lookup per byte is the cheapest way to do that in Java.
 */
final class GaloisField {
    private static final int POLYNOMIAL = 0x11d;
    private static final int[] EXP = new int[512];
    private static final int[] LOG = new int[256];
    /** {@code MUL[a << 8 | b]} is a times b. */
    static final byte[] MUL = new byte[256 * 256];

    static {
        int x = 1;
        for (int i = 0; i < 255; i++) {
            EXP[i] = x;
            LOG[x] = i;
            x <<= 1;
            if (x >= 256) {
                x ^= POLYNOMIAL;
            }
        }
        for (int i = 255; i < EXP.length; i++) {
            EXP[i] = EXP[i - 255];
        }
        for (int a = 0; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                MUL[a << 8 | b] = (byte) multiply(a, b);
            }
        }
    }

    private GaloisField() {}

    static int multiply(int a, int b) {
        return a == 0 || b == 0 ? 0 : EXP[LOG[a] + LOG[b]];
    }

    /** The generator 2 raised to {@code n}, for {@code 0 <= n < 255}: 255 distinct nonzero elements. */
    static int power(int n) {
        return EXP[n];
    }

    static int inverse(int a) {
        if (a == 0) {
            throw new ArithmeticException("zero has no inverse");
        }
        return EXP[255 - LOG[a]];
    }

    /** {@code into[i] ^= c * from[i]} for the first {@code length} bytes. */
    static void multiplyAdd(byte[] into, byte[] from, int c, int length) {
        if (c == 0) {
            return;
        }
        if (c == 1) {
            for (int i = 0; i < length; i++) {
                into[i] ^= from[i];
            }
            return;
        }
        int row = c << 8;
        for (int i = 0; i < length; i++) {
            into[i] ^= MUL[row | (from[i] & 0xff)];
        }
    }

    /** The inverse of a square matrix, by Gauss–Jordan elimination; every Cauchy submatrix has one. */
    static int[][] invert(int[][] matrix) {
        int n = matrix.length;
        int[][] a = new int[n][2 * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(matrix[i], 0, a[i], 0, n);
            a[i][n + i] = 1;
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            while (pivot < n && a[pivot][col] == 0) {
                pivot++;
            }
            if (pivot == n) {
                throw new ArithmeticException("singular matrix");
            }
            int[] swap = a[col];
            a[col] = a[pivot];
            a[pivot] = swap;
            int scale = inverse(a[col][col]);
            for (int j = 0; j < 2 * n; j++) {
                a[col][j] = multiply(a[col][j], scale);
            }
            for (int row = 0; row < n; row++) {
                if (row != col && a[row][col] != 0) {
                    int factor = a[row][col];
                    for (int j = 0; j < 2 * n; j++) {
                        a[row][j] ^= multiply(factor, a[col][j]);
                    }
                }
            }
        }
        int[][] inverse = new int[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], n, inverse[i], 0, n);
        }
        return inverse;
    }
}
