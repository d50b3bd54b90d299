package creativeai.image;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One round of the GAN game, for any generator and discriminator built as DL4J networks (the generator ending
 * in a plain layer, not an output layer). First the discriminator learns on real images, labelled 0.9 (one-
 * sided label smoothing: a less certain target keeps it from overpowering the generator), and fakes, labelled
 * 0. Then the generator learns: the discriminator, untouched, says how each fake pixel should change to look
 * more real (the gradient of its loss for the label "real" with respect to its input), and the generator
 * backpropagates that through its own layers.
 */
public final class GanTraining implements ImageModel {
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final int latent;
    private int iteration;

    public GanTraining(MultiLayerNetwork generator, MultiLayerNetwork discriminator, int latent) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.latent = latent;
    }

    @Override
    public String lossUnit() {
        return "binary cross-entropy";
    }

    @Override
    public String[] lossNames() {
        return new String[] {"discriminator", "generator"};
    }

    @Override
    public double[] learn(INDArray real) {
        Losses losses = step(real);
        return new double[] {losses.discriminator(), losses.generator()};
    }

    @Override
    public INDArray draw(INDArray latentPoints) {
        return draw(generator, latentPoints);
    }

    @Override
    public Map<String, MultiLayerNetwork> networks() {
        Map<String, MultiLayerNetwork> networks = new LinkedHashMap<>();
        networks.put("generator", generator);
        networks.put("discriminator", discriminator);
        return networks;
    }

    /** Losses of one step: the discriminator's and the generator's (binary cross-entropy). */
    public record Losses(double discriminator, double generator) {
    }

    /** One step on a batch of real images (rows of pixels in the generator's range, [-1, 1]). */
    public Losses step(INDArray real) {
        int batch = (int) real.rows();
        INDArray fakeNoise = noise(batch);
        INDArray fake = generator.output(fakeNoise, false);
        INDArray images = Nd4j.vstack(real, fake.reshape(batch, -1));
        INDArray labels = Nd4j.vstack(Nd4j.valueArrayOf(new long[] {batch, 1}, 0.9f), Nd4j.zeros(batch, 1));
        discriminator.fit(images, labels);
        double discriminatorLoss = discriminator.score();

        INDArray generatorNoise = noise(batch);
        generator.setInput(generatorNoise);
        List<INDArray> activations = generator.feedForward(true, false);
        INDArray generated = activations.get(activations.size() - 1);
        INDArray flat = generated.reshape(batch, -1); // a convolutional generator's [batch, 1, 28, 28] as rows
        INDArray realLabels = Nd4j.ones(batch, 1);
        Pair<Gradient, INDArray> judged = discriminator.calculateGradients(flat, realLabels, null, null);
        double generatorLoss = discriminator.score(new DataSet(flat, realLabels), false);
        INDArray howToChange = judged.getSecond().reshape(generated.shape());
        Pair<Gradient, INDArray> learned = generator.backpropGradient(howToChange, LayerWorkspaceMgr.noWorkspaces());
        generator.getUpdater().update(generator, learned.getFirst(), iteration++, 0, batch, LayerWorkspaceMgr.noWorkspaces());
        generator.params().subi(learned.getFirst().gradient());
        // Free this step's arrays now: left to the garbage collector, which sees only their small Java wrappers,
        // they piled up to the off-heap limit (the kernel's RSS reached 1.9 GB in full mode).
        close(fakeNoise, fake, images, labels, generatorNoise, realLabels, judged.getSecond());
        close(activations.subList(1, activations.size()).toArray(INDArray[]::new)); // the first is generatorNoise
        return new Losses(discriminatorLoss, generatorLoss);
    }

    private static void close(INDArray... arrays) {
        for (INDArray array : arrays) {
            if (array != null && !array.wasClosed() && !array.isView() && array.closeable()) array.close();
        }
    }

    /**
     * The generator's images for the given noise, as rows of 784 pixels in [0, 1] (what {@link DigitClassifier}
     * reads), made 100 at a time: a convolutional generator's working arrays for 1,000 images at once take
     * half a gigabyte.
     */
    public static INDArray draw(MultiLayerNetwork generator, INDArray noise) {
        List<INDArray> parts = new java.util.ArrayList<>();
        for (long from = 0; from < noise.rows(); from += 100) {
            INDArray chunk = noise.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, Math.min(noise.rows(), from + 100)),
                    org.nd4j.linalg.indexing.NDArrayIndex.all());
            parts.add(generator.output(chunk, false).reshape(chunk.rows(), 784).add(1).divi(2));
        }
        return Nd4j.vstack(parts.toArray(INDArray[]::new));
    }

    @Override
    public INDArray noise(int count) {
        return Nd4j.randn(count, latent);
    }
}
