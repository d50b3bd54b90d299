package creativeai.image;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void mismatchedFeaturesAreAnError() {
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(Nd4j.zeros(5, 3), Nd4j.zeros(5, 4)));
    }
}
