package creativeai.image;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrechetDistanceTest {
    @Test
    void sameCloudIsZeroAndAShiftedCloudIsTheSquaredShift() {
        Nd4j.getRandom().setSeed(1);
        INDArray a = Nd4j.randn(2000, 5);
        assertEquals(0, FrechetDistance.between(a, a), 1e-6);
        assertEquals(9.0, FrechetDistance.between(a, a.add(3.0 / Math.sqrt(5))), 1e-6); // |shift|² = 5 · (3/√5)²
    }

    @Test
    void aWiderCloudCountsItsSpread() {
        Nd4j.getRandom().setSeed(2);
        INDArray a = Nd4j.randn(20000, 3), b = Nd4j.randn(20000, 3).mul(2);
        // identity vs 4·identity: Tr(I + 4I − 2·2I) = 3 per ... = 3 · (1 + 4 − 4) = 3
        assertEquals(3.0, FrechetDistance.between(a, b), 0.15);
    }

    @Test
    void correlatedCloudsMatchAnIndependentTwoByTwoComputation() {
        Nd4j.getRandom().setSeed(3);
        INDArray a = Nd4j.randn(20000, 2).mmul(Nd4j.createFromArray(new float[][] {{1, 0.9f}, {0, 0.436f}}));   // correlation 0.9
        INDArray b = Nd4j.randn(20000, 2).mmul(Nd4j.createFromArray(new float[][] {{2, -1}, {0, 1}})).addiRowVector(Nd4j.createFromArray(1f, -0.5f));
        double[][] x = a.toDoubleMatrix(), y = b.toDoubleMatrix();
        double[] mx = mean(x), my = mean(y);
        double[][] sx = covariance(x, mx), sy = covariance(y, my);
        // for 2×2 covariances, Tr((Σ₁Σ₂)^½) = √(Tr(Σ₁Σ₂) + 2√(det Σ₁ · det Σ₂)): no eigen-solver needed
        double trProduct = sx[0][0] * sy[0][0] + sx[0][1] * sy[1][0] + sx[1][0] * sy[0][1] + sx[1][1] * sy[1][1];
        double det = (sx[0][0] * sx[1][1] - sx[0][1] * sx[1][0]) * (sy[0][0] * sy[1][1] - sy[0][1] * sy[1][0]);
        double expected = Math.pow(mx[0] - my[0], 2) + Math.pow(mx[1] - my[1], 2) + sx[0][0] + sx[1][1] + sy[0][0] + sy[1][1]
                - 2 * Math.sqrt(trProduct + 2 * Math.sqrt(det));
        double actual = FrechetDistance.between(a, b);
        assertEquals(expected, actual, 2e-3 * expected);
        // a distance that ignored the correlations (variances only) would give about 2.4 here, not about 5.2
        assertTrue(actual > 4.5, "correlations counted: " + actual);
    }

    private static double[] mean(double[][] rows) {
        double[] m = new double[rows[0].length];
        for (double[] r : rows) for (int j = 0; j < m.length; j++) m[j] += r[j] / rows.length;
        return m;
    }

    private static double[][] covariance(double[][] rows, double[] mean) {
        int d = mean.length;
        double[][] c = new double[d][d];
        for (double[] r : rows) for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) c[i][j] += (r[i] - mean[i]) * (r[j] - mean[j]) / (rows.length - 1);
        return c;
    }

    @Test
    void mismatchedFeaturesAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(Nd4j.zeros(5, 3), Nd4j.zeros(5, 4)));
    }
}
