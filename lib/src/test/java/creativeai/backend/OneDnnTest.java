package creativeai.backend;

import creativeai.image.Dcgan;
import creativeai.image.GanTraining;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The course ships ND4J's oneDNN build on Linux x86-64 (the POM's {@code cpu.build}); DL4J's convolution layers
 * use their oneDNN helper there (org.nd4j.nativeblas.Nd4jCpu and the kernel's flag); and oneDNN computes what
 * ND4J's own code computes: a DCGAN training step gives the same networks with ND4J's platform helpers allowed
 * and not, and so does a matrix product.
 */
class OneDnnTest {
    @AfterEach
    void allowHelpersAgain() {
        Nd4j.getEnvironment().allowHelpers(true);
    }

    @Test
    void linuxOnX86GetsTheOneDnnBuildAndDl4jUsesIt() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"));
        assertTrue(Backend.hasOneDnn(), "the classpath's nd4j-native jar should be the linux-x86_64-onednn build");
        assertEquals("yes", Backend.facts().get("oneDNN (CPU convolutions, matrix products)"));
        var convolution = (ConvolutionLayer) Dcgan.discriminator(8, 7).getLayer(0);
        assertInstanceOf(MKLDNNConvHelper.class, convolution.getHelper(), "DL4J built the convolution without oneDNN");
    }

    @Test
    void aDcganStepGivesTheSameNetworksWithAndWithoutOneDnn() {
        INDArray real = Nd4j.rand(DataType.FLOAT, 16, 784).muli(2).subi(1);
        INDArray noise = Nd4j.randn(DataType.FLOAT, 8, 16);
        INDArray[][] results = new INDArray[2][];
        for (int run = 0; run < 2; run++) {
            Nd4j.getEnvironment().allowHelpers(run == 0);
            // built here: DL4J picks a layer's helper when it builds the layer
            MultiLayerNetwork generator = Dcgan.generator(16, 8, 5), discriminator = Dcgan.discriminator(8, 7);
            // Adam's first step moves every weight by about the learning rate, whichever way its gradient points, and
            // a gradient near zero may point either way on the two builds: a small rate keeps that within the tolerance
            generator.setLearningRate(2e-4);
            discriminator.setLearningRate(2e-4);
            Nd4j.getRandom().setSeed(3);
            new GanTraining(generator, discriminator).step(real);
            results[run] = new INDArray[] {generator.output(noise), discriminator.output(real)};
        }
        for (int i = 0; i < 2; i++) {
            assertTrue(results[0][i].equalsWithEps(results[1][i], 1e-3), (i == 0 ? "generator" : "discriminator") + " after one step");
        }
    }

    @Test
    void matrixProductsAgreeWithAndWithoutOneDnn() {
        INDArray a = Nd4j.rand(DataType.FLOAT, 300, 128), b = Nd4j.rand(DataType.FLOAT, 128, 200);
        Nd4j.getEnvironment().allowHelpers(true);
        INDArray helped = a.mmul(b);
        Nd4j.getEnvironment().allowHelpers(false);
        assertTrue(helped.equalsWithEps(a.mmul(b), 1e-3));
    }
}
