package creativeai.image;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The DCGAN's two networks fit each other and the judge: 28×28 images in [-1, 1] out, one probability per image in. */
class DcganTest {
    @Test
    void theGeneratorDrawsDigitSizedImagesTheDiscriminatorAndJudgeRead() {
        var generator = Dcgan.generator(16, 8, 1);
        INDArray images = generator.output(Nd4j.randn(3, 16));
        assertArrayEquals(new long[] {3, 1, 28, 28}, images.shape());
        assertTrue(images.amaxNumber().doubleValue() <= 1, "tanh output");
        INDArray judged = Dcgan.discriminator(8, 2).output(images.reshape(3, 784));
        assertArrayEquals(new long[] {3, 1}, judged.shape());
        INDArray drawn = GanTraining.draw(generator, Nd4j.randn(3, 16));
        assertTrue(drawn.minNumber().doubleValue() >= 0 && drawn.maxNumber().doubleValue() <= 1, "draw gives pixels in [0, 1]");
    }
}
