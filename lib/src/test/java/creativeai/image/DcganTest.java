package creativeai.image;

import org.deeplearning4j.nn.layers.convolution.Deconvolution2DLayer;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * DL4J's BatchNormalization layer accepts an activation function and ignores it (the generator had no bend
     * between its two transposed convolutions until a layer-by-layer comparison with its PyTorch twin showed it):
     * the second transposed convolution must read LeakyReLU of the normalised maps.
     */
    @Test
    void theSecondTransposedConvolutionReadsLeakyReluOfTheNormalisedMaps() {
        var generator = Dcgan.generator(16, 8, 1);
        List<INDArray> activations = generator.feedForward(Nd4j.randn(32, 16), false); // input, then each layer's output
        var layers = Arrays.asList(generator.getLayers());
        var normalisation = layers.stream().filter(BatchNormalization.class::isInstance).findFirst().orElseThrow();
        int secondTransposed = layers.indexOf(layers.stream().filter(Deconvolution2DLayer.class::isInstance).skip(1).findFirst().orElseThrow());
        INDArray maps = activations.get(layers.indexOf(normalisation)); // what the batch norm read
        INDArray normalised = normalisation.activate(maps, false, LayerWorkspaceMgr.noWorkspaces());
        assertTrue(normalised.minNumber().doubleValue() < 0, "some normalised values are negative");
        INDArray bent = new ActivationLReLU(0.2).getActivation(normalised.dup(), false);
        assertEquals(bent, activations.get(secondTransposed));
    }
}
