package creativeai.image;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrecisionRecallTest {
    private static final INDArray REAL;

    static {
        Nd4j.getRandom().setSeed(6);
        REAL = Nd4j.randn(600, 4);
    }

    @Test
    void anotherSampleOfTheRealCloudHasHighPrecisionAndRecall() {
        var outline = PrecisionRecall.outline(REAL);
        INDArray other = Nd4j.randn(600, 4);
        assertTrue(outline.precision(other) > 0.85 && outline.recall(other) > 0.85, outline.precision(other) + " / " + outline.recall(other));
    }

    @Test
    void aCollapsedModelIsPreciseButCoversLittle() {
        var outline = PrecisionRecall.outline(REAL);
        INDArray onePlace = Nd4j.randn(600, 4).muli(0.05);   // every sample near the centre of the real cloud
        assertTrue(outline.precision(onePlace) > 0.95, "near the densest real images: " + outline.precision(onePlace));
        assertTrue(outline.recall(onePlace) < 0.2, "but most real images are far from all of them: " + outline.recall(onePlace));
    }

    @Test
    void samplesFarFromEveryRealOneHaveNoPrecision() {
        var outline = PrecisionRecall.outline(REAL);
        INDArray far = Nd4j.randn(200, 4).addi(20);
        assertEquals(0, outline.precision(far), 1e-9);
        assertEquals(0, outline.recall(far), 1e-9);
    }

    @Test
    void eachRealSampleIsInsideItsOwnOutline() {
        INDArray some = REAL.get(NDArrayIndex.interval(0, 50), NDArrayIndex.all());
        assertEquals(1, PrecisionRecall.outline(some).shareInside(some), 1e-9);
    }

    @Test
    void tooFewSamplesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PrecisionRecall.outline(Nd4j.rand(3, 2)));
    }
}
