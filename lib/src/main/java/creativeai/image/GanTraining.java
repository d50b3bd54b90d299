package creativeai.image;

import creativeai.data.ZipParts;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GAN as {@link ImageTrainer} trains it: a generator and a discriminator built as DL4J networks (the generator
 * ending in a plain layer, not an output layer) and the {@link Step} that plays one round of their game. Chapter 4
 * writes its step in the notebook; {@link #STANDARD} is the same step, for chapter 5's comparison, the tests and
 * the benchmarks. The DL4J plumbing a step needs and is not the lesson lives here too: passing a gradient from
 * the discriminator's input back through the generator ({@link #backpropagate}), and freeing a step's arrays.
 */
public final class GanTraining implements ImageModel {
    /**
     * The standard step. The discriminator learns on real images labelled 0.9 (one-sided label smoothing) and
     * fakes labelled 0; then the generator learns through the unchanged discriminator with the target "real",
     * the non-saturating loss −log D(G(z)).
     */
    public static final Step STANDARD = (generator, discriminator, real, noise) -> {
        int batch = (int) real.rows();
        INDArray z = noise.apply(batch);
        INDArray drawn = generator.output(z, false);
        INDArray images = Nd4j.vstack(real, drawn.reshape(batch, -1));
        INDArray labels = Nd4j.vstack(Nd4j.valueArrayOf(new long[] {batch, 1}, 0.9f), Nd4j.zeros(batch, 1));
        discriminator.fit(images, labels);
        double discriminatorLoss = discriminator.score();
        free(z, drawn, images, labels);
        double generatorLoss = backpropagate(generator, discriminator, noise.apply(batch), 1.0);
        return new Losses(discriminatorLoss, generatorLoss);
    };

    private static final String GENERATOR = "generator.zip";
    private static final String DISCRIMINATOR = "discriminator.zip";
    private final MultiLayerNetwork generator;
    private final MultiLayerNetwork discriminator;
    private final int latent;
    private final Step step;

    /**
     * Adam as GANs are trained with it since DCGAN (Radford et al., 2015): β₁ = 0.5 instead of Adam's usual 0.9,
     * less momentum, so the two players do not overshoot each other; β₂ = 0.999 and ε = 1e-8 as usual.
     */
    public static Adam adam(double learningRate) {
        return Adam.builder().learningRate(learningRate).beta1(0.5).beta2(0.999).epsilon(1e-8).build();
    }

    /** A GAN trained with the {@link #STANDARD} step. */
    public GanTraining(MultiLayerNetwork generator, MultiLayerNetwork discriminator) {
        this(generator, discriminator, STANDARD);
    }

    /** A GAN trained with {@code step}; its latent size is the generator's input size. */
    public GanTraining(MultiLayerNetwork generator, MultiLayerNetwork discriminator, Step step) {
        this.generator = generator;
        this.discriminator = discriminator;
        this.latent = generator.layerInputSize(0);
        this.step = step;
    }

    /**
     * A GAN an earlier run saved to {@code file} ({@link #save}: its generator and discriminator, with their Adam
     * state), to go on with the given step. A clear error says what to do when the file is missing or unreadable.
     */
    public static GanTraining load(Path file, Step step) throws IOException {
        ZipParts.Parts parts = ZipParts.read(file, GENERATOR, DISCRIMINATOR);
        MultiLayerNetwork generator = parts.get(GENERATOR, in -> ModelSerializer.restoreMultiLayerNetwork(in, true));
        MultiLayerNetwork discriminator = parts.get(DISCRIMINATOR, in -> ModelSerializer.restoreMultiLayerNetwork(in, true));
        return new GanTraining(generator, discriminator, step);
    }

    /** A saved GAN ({@link #load(Path, Step)}) that goes on with the {@link #STANDARD} step. */
    public static GanTraining load(Path file) throws IOException {
        return load(file, STANDARD);
    }

    public MultiLayerNetwork generator() {
        return generator;
    }

    public MultiLayerNetwork discriminator() {
        return discriminator;
    }

    /** One round of the game on a batch of real images: both players learn once; returns both losses. */
    @FunctionalInterface
    public interface Step {
        Losses play(MultiLayerNetwork generator, MultiLayerNetwork discriminator, INDArray real, Noise noise);
    }

    /** Random latent points, one row per image: {@code noise.apply(batch)}. */
    @FunctionalInterface
    public interface Noise {
        INDArray apply(int count);
    }

    /** Losses of one step: the discriminator's and the generator's (binary cross-entropy). */
    public record Losses(double discriminator, double generator) {
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

    /** One step on a batch of real images (rows of pixels in the generator's range, [-1, 1]). */
    public Losses step(INDArray real) {
        return step.play(generator, discriminator, real, this::noise);
    }

    @Override
    public INDArray draw(INDArray latentPoints) {
        return draw(generator, latentPoints);
    }

    /** Saves the generator and the discriminator, each with its Adam state, as the two parts of {@code file}, atomically. */
    @Override
    public Path save(Path file, Map<String, ZipParts.Part> beside) throws IOException {
        Map<String, ZipParts.Part> parts = new LinkedHashMap<>();
        parts.put(GENERATOR, out -> ModelSerializer.writeModel(generator, out, true));
        parts.put(DISCRIMINATOR, out -> ModelSerializer.writeModel(discriminator, out, true));
        parts.putAll(beside);
        return ZipParts.write(file, parts);
    }

    @Override
    public INDArray noise(int count) {
        return Nd4j.randn(count, latent);
    }

    /**
     * The generator's half of a step: it draws images from {@code noise}, the discriminator judges them against
     * {@code target} (1 = real) without changing, and the gradient of that loss with respect to the images is
     * backpropagated through the generator, which takes one step of its own updater (Adam). DL4J's {@code fit}
     * cannot do this, because the loss lives in another network. Returns the loss (binary cross-entropy).
     */
    public static double backpropagate(MultiLayerNetwork generator, MultiLayerNetwork discriminator, INDArray noise, double target) {
        int batch = (int) noise.rows();
        generator.setInput(noise);
        List<INDArray> activations = generator.feedForward(true, false);
        INDArray generated = activations.get(activations.size() - 1);
        INDArray flat = generated.reshape(batch, -1); // a convolutional generator's [batch, 1, 28, 28] as rows
        INDArray targets = Nd4j.valueArrayOf(new long[] {batch, 1}, (float) target);
        Pair<Gradient, INDArray> judged = discriminator.calculateGradients(flat, targets, null, null);
        double loss = discriminator.score(new DataSet(flat, targets), false);
        Gradient learned = generator.backpropGradient(judged.getSecond().reshape(generated.shape()), LayerWorkspaceMgr.noWorkspaces()).getFirst();
        generator.getUpdater().update(generator, learned, generator.getIterationCount(), 0, batch, LayerWorkspaceMgr.noWorkspaces());
        generator.params().subi(learned.gradient());
        generator.setIterationCount(generator.getIterationCount() + 1);
        free(targets, judged.getSecond());
        free(activations); // the noise too: it is activations.get(0)
        return loss;
    }

    /**
     * Frees arrays' off-heap memory now. Left to the garbage collector, which sees only their small Java wrappers,
     * a GAN's per-step arrays piled up to the off-heap limit (the kernel's RSS reached 1.9 GB in full mode).
     */
    public static void free(INDArray... arrays) {
        free(List.of(arrays));
    }

    public static void free(Collection<INDArray> arrays) {
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
        return RowGroups.apply(noise, 100, chunk -> {
            INDArray drawn = generator.output(chunk, false);
            INDArray images = drawn.reshape(chunk.rows(), 784).add(1).divi(2);
            free(drawn);
            return images;
        });
    }
}
