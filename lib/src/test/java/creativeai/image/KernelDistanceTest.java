package creativeai.image;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelDistanceTest {
    @Test
    void twoSamplesOfOneCloudAreNearZeroAndAShiftedCloudIsFar() {
        Nd4j.getRandom().setSeed(4);
        INDArray a = Nd4j.randn(500, 8), b = Nd4j.randn(500, 8);
        double same = KernelDistance.between(a, b), shifted = KernelDistance.between(a, b.add(1));
        assertEquals(0, same, 0.02, "unbiased: two samples of N(0, I)");
        assertTrue(shifted > 20 * Math.abs(same) && shifted > 0.1, same + " against " + shifted);
    }

    @Test
    void unbiasedAtSmallSamplesWhereTheFrechetDistanceIsNot() {
        Nd4j.getRandom().setSeed(5);
        double kid = 0, frechet = 0;
        for (int trial = 0; trial < 200; trial++) {
            INDArray a = Nd4j.randn(30, 8), b = Nd4j.randn(30, 8);
            kid += KernelDistance.between(a, b) / 200;
            frechet += FrechetDistance.between(a, b) / 200;
        }
        assertEquals(0, kid, 0.05, "the kernel distance of samples of one cloud averages 0");
        assertTrue(frechet > 1, "the Fréchet distance of 30 against 30 samples of one cloud stays well above 0: " + frechet);
    }

    @Test
    void matchesTheDefinitionOnThreePoints() {
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1, 1}, {2, 0}});
        // k(a, b) = (a·b / 2 + 1)³: within x one pair 1; within y one pair 8; across (1.5³ + 2³ + 1.5³ + 1)/4
        double expected = 1 + 8 - 2 * (Math.pow(1.5, 3) + 8 + Math.pow(1.5, 3) + 1) / 4;
        assertEquals(expected, KernelDistance.between(x, y), 1e-9);
    }

    @Test
    void mismatchedFeaturesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> KernelDistance.between(Nd4j.rand(5, 3), Nd4j.rand(5, 4)));
        assertThrows(IllegalArgumentException.class, () -> KernelDistance.between(Nd4j.rand(1, 3), Nd4j.rand(5, 3)));
    }
}
