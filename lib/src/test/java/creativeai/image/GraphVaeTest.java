package creativeai.image;

import creativeai.data.Mnist;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphVaeTest {
    /** A small dense VAE (the library's, as chapter 5 builds it, smaller): 784 → 128 → (μ, log σ²) of 4; 4 → 128 → 784. */
    static SameDiff smallVae(long seed) {
        return DenseVae.graph(4, DenseVae.options().hidden(128).seed(seed));
    }

    /** The same VAE with two biases made the wrong way, as constants (what sd.zero makes), which training never changes. */
    static SameDiff withConstantBiases(SameDiff vae) {
        vae.convertToConstants(java.util.List.of(vae.getVariable("enc1_b"), vae.getVariable("dec2_b")));
        return vae;
    }

    @Test
    void everyParameterLearnsAndBiasesMadeAsConstantsAreNamed() {
        INDArray batch = Mnist.load(Mnist.Split.TRAIN).first(64, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        GraphVae vae = new GraphVae(smallVae(3));
        INDArray before = vae.graph().getVariable("enc1_b").getArr().dup();
        var check = vae.requireEveryParameterLearns(batch);
        assertEquals(10, check.arrays(), "five layers, a weight and a bias each");
        assertEquals(784 * 128 + 128 + 2 * (128 * 4 + 4) + 4 * 128 + 128 + 128 * 784 + 784, check.numbers());
        assertEquals(before, vae.graph().getVariable("enc1_b").getArr(), "the check trains a copy, not the model");

        var error = assertThrows(IllegalStateException.class, () -> new GraphVae(withConstantBiases(smallVae(3))).requireEveryParameterLearns(batch));
        assertTrue(error.getMessage().contains("enc1_b") && error.getMessage().contains("dec2_b"), error.getMessage());
    }

    @Tag("slow")
    @Test
    void aTrainedGraphBeatsAnUntrainedOneOnHeldOutDigitsAndComesBackFromDisk(@TempDir Path folder) throws Exception {
        INDArray train = Mnist.load(Mnist.Split.TRAIN).first(6_400, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        INDArray test = Mnist.load(Mnist.Split.TEST).first(500, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        GraphVae vae = new GraphVae(smallVae(1));
        double[] untrained = new GraphVae(smallVae(2)).lossTerms(test);
        double[] last = null;
        for (int step = 0; step < 200; step++) {
            int from = (step * 64) % 6_336;
            last = vae.learn(train.get(NDArrayIndex.interval(from, from + 64), NDArrayIndex.all()));
        }
        double[] trained = vae.lossTerms(test);
        assertTrue(trained[0] + trained[1] < 0.5 * (untrained[0] + untrained[1]), "trained " + (trained[0] + trained[1]) + ", untrained " + (untrained[0] + untrained[1]));
        assertTrue(last[0] > 50 && last[0] < 400 && last[1] > 0 && last[1] < 50, "the step reports its terms: " + last[0] + " + " + last[1]);
        assertEquals(4, vae.encode(test).columns());

        Path file = folder.resolve("small.zip");
        assertEquals(file, vae.save(file), "save returns what it wrote");
        INDArray z = vae.noise(3);
        INDArray before = vae.draw(z), after = GraphVae.load(file).draw(z);
        assertEquals(784, before.columns());
        assertTrue(before.equalsWithEps(after, 1e-6));
    }

    @Test
    void theKlTermIsTheClosedFormForTheEncodersGaussiansComputedApart() {
        SameDiff sd = smallVae(4);
        GraphVae vae = new GraphVae(sd);
        INDArray train = Mnist.load(Mnist.Split.TRAIN).first(640, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        for (int step = 0; step < 10; step++) vae.learn(train.get(NDArrayIndex.interval(step * 64, step * 64 + 64), NDArrayIndex.all()));
        INDArray test = Mnist.load(Mnist.Split.TEST).first(50, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        double[][] h = affine(test.toDoubleMatrix(), sd, "enc1");
        for (double[] row : h) for (int j = 0; j < row.length; j++) row[j] = Math.max(0, row[j]);
        double[][] mean = affine(h, sd, "mu"), logVariance = affine(h, sd, "logVariance");
        double kl = 0;
        for (int i = 0; i < mean.length; i++) {
            for (int k = 0; k < mean[i].length; k++) kl += 0.5 * (mean[i][k] * mean[i][k] + Math.exp(logVariance[i][k]) - logVariance[i][k] - 1) / mean.length;
        }
        assertTrue(kl > 0.01, "the encoder has moved away from the prior: " + kl);
        assertEquals(kl, vae.lossTerms(test)[1], 1e-3 * kl + 1e-4);
    }

    /** in · W + b with the graph's weights, in plain doubles. */
    private static double[][] affine(double[][] in, SameDiff sd, String name) {
        double[][] w = sd.getVariable(name + "_W").getArr().toDoubleMatrix();
        double[] b = sd.getVariable(name + "_b").getArr().toDoubleMatrix()[0];
        double[][] out = new double[in.length][b.length];
        for (int i = 0; i < in.length; i++) {
            for (int j = 0; j < b.length; j++) {
                double sum = b[j];
                for (int k = 0; k < w.length; k++) sum += in[i][k] * w[k][j];
                out[i][j] = sum;
            }
        }
        return out;
    }

    @Test
    void aGraphWithoutTheNamedPartsOrATrainingConfigurationIsAClearError() {
        SameDiff bare = SameDiff.create();
        bare.placeHolder("x", DataType.FLOAT, -1, 784);
        var error = assertThrows(IllegalArgumentException.class, () -> new GraphVae(bare));
        assertTrue(error.getMessage().contains("[eps, zIn, mean, reconstruction, kl, drawn]"), error.getMessage());
        SameDiff untrainable = smallVae(1);
        untrainable.setTrainingConfig(null);
        assertThrows(IllegalArgumentException.class, () -> new GraphVae(untrainable));
        assertThrows(IllegalArgumentException.class, () -> new GraphVae(smallVae(1)).draw(Nd4j.zeros(2, 5)));
    }
}
