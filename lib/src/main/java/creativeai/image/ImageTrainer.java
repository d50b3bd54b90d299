package creativeai.image;

import creativeai.data.AtomicFiles;
import creativeai.data.Mnist;
import creativeai.kernel.runtime.Display;
import creativeai.originality.Provenance;
import creativeai.plot.ImageGrid;
import creativeai.training.Interrupts;
import creativeai.training.TrainingView;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Trains an {@link ImageModel} (a GAN, a VAE) for a number of rounds, with what a reader watches: a progress bar,
 * live loss curves, and a grid of images drawn from the same fixed latent points, redrawn in place after every
 * round. Each round's grid is saved as a PNG that names the model, round and seed; the networks are saved
 * (atomically) after every round and come back with {@link #load}. Given a {@link Judge}, it also measures the
 * Fréchet distance of 500 samples after every round: how quality moved during training. A loss that turns into
 * NaN stops with advice.
 */
public final class ImageTrainer {
    private static final int JUDGED_SAMPLES = 500;

    /**
     * {@code rounds} of {@code stepsPerRound} batches; files go to {@code folder} (checkpoints and sample grids).
     * {@code trainedOn}: the training data's names in datasets/MANIFEST, which the grids' provenance records cite.
     */
    public record Settings(String model, int rounds, int stepsPerRound, int batchSize, long seed, Path folder, List<String> trainedOn) {
        public Settings {
            trainedOn = List.copyOf(trainedOn);
        }

        public Settings(String model, int rounds, int stepsPerRound, int batchSize, long seed, Path folder) {
            this(model, rounds, stepsPerRound, batchSize, seed, folder, List.of());
        }

        /** The same settings, naming the training data: {@code .trainedOn("mnist-train-images")}. */
        public Settings trainedOn(String... manifestNames) {
            return new Settings(model, rounds, stepsPerRound, batchSize, seed, folder, List.of(manifestNames));
        }
    }

    /** The classifier that scores samples after every round, and the features of real images it compares with. */
    public record Judge(DigitClassifier classifier, INDArray realFeatures) {
    }

    /**
     * What training showed: each round's grid, mean losses (in the order of {@code lossNames}) and, if judged,
     * Fréchet distance; the batches trained on and the seconds spent in training steps (without the judging).
     */
    public record Result(List<String> lossNames, List<BufferedImage> grids, List<double[]> losses, List<Double> frechetByRound,
                         int batches, double seconds) {
        /** The top row of every round's grid, one under the other: how the drawings evolved. */
        public BufferedImage evolution() {
            int width = grids.get(0).getWidth(), row = Mnist.SIDE * 2 + 2;
            BufferedImage strip = new BufferedImage(width, row * grids.size(), BufferedImage.TYPE_BYTE_GRAY);
            var canvas = strip.createGraphics();
            for (int i = 0; i < grids.size(); i++) canvas.drawImage(grids.get(i).getSubimage(0, 0, width, row), 0, i * row, null);
            canvas.dispose();
            return strip;
        }

        /** How many rounds ended with a worse (larger) Fréchet distance than the round before. */
        public int roundsThatGotWorse() {
            int worse = 0;
            for (int i = 1; i < frechetByRound.size(); i++) if (frechetByRound.get(i) > frechetByRound.get(i - 1)) worse++;
            return worse;
        }
    }

    private ImageTrainer() {
    }

    public static Result train(ImageModel model, INDArray images, INDArray fixedPoints, Settings settings) {
        return train(model, images, fixedPoints, settings, null);
    }

    /** Trains on random batches of {@code images} (one per row, in the range the model expects). */
    public static Result train(ImageModel model, INDArray images, INDArray fixedPoints, Settings settings, Judge judge) {
        String[] names = model.lossNames();
        TrainingView.Progress bar = TrainingView.standard().progress(settings.model(), settings.rounds() * settings.stepsPerRound());
        TrainingView.Curves curves = TrainingView.standard().curves(settings.model() + ": losses", "round", model.lossUnit()).xAxis(0, settings.rounds());
        String gridId = Display.inNotebook() ? Display.display(grid(model, fixedPoints)) : null; // no text form worth printing
        INDArray judgedPoints = judge == null ? null : model.noise(JUDGED_SAMPLES);
        List<BufferedImage> grids = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        List<Double> frechet = new ArrayList<>();
        Random random = new Random(settings.seed());
        double seconds = 0;
        int rows = (int) images.rows();
        int every = Math.max(1, settings.stepsPerRound() / 25), recent = 0;
        double[] recentSums = new double[names.length];
        for (int round = 0; round < settings.rounds(); round++) {
            double[] sums = new double[names.length];
            long start = System.nanoTime();
            for (int step = 0; step < settings.stepsPerRound(); step++) {
                Interrupts.check(settings.model());
                int from = random.nextInt(rows - settings.batchSize() + 1);
                double[] loss = model.learn(images.get(NDArrayIndex.interval(from, from + settings.batchSize()), NDArrayIndex.all()));
                for (int i = 0; i < names.length; i++) {
                    if (Double.isNaN(loss[i])) {
                        throw new IllegalStateException("the " + names[i] + " loss became NaN in round " + (round + 1)
                                + ": lower the learning rate; the last good networks are in " + settings.folder());
                    }
                    sums[i] += loss[i];
                    recentSums[i] += loss[i];
                }
                if (++recent == every) { // the curves show means over a few steps: single steps are too noisy to read
                    double x = round + (step + 1.0) / settings.stepsPerRound();
                    for (int i = 0; i < names.length; i++) curves.add(names[i], x, recentSums[i] / recent);
                    recent = 0;
                    Arrays.fill(recentSums, 0);
                }
                bar.step(names[0], loss[0]);
                for (int i = 1; i < names.length; i++) bar.metric(names[i], loss[i]);
            }
            seconds += (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < names.length; i++) sums[i] /= settings.stepsPerRound();
            losses.add(sums);
            if (judge != null) {
                frechet.add(judge.classifier().score(model.draw(judgedPoints), judge.realFeatures()).frechetDistance());
            }
            BufferedImage image = grid(model, fixedPoints);
            grids.add(image);
            if (gridId != null) Display.updateDisplay(gridId, image);
            save(model, image, round + 1, settings);
        }
        curves.finish();
        return new Result(List.of(names), grids, losses, frechet, settings.rounds() * settings.stepsPerRound(), seconds);
    }

    /** The model's images for the given latent points, as a grid of 8 columns. */
    public static BufferedImage grid(ImageModel model, INDArray latentPoints) {
        INDArray images = model.draw(latentPoints);
        BufferedImage grid = ImageGrid.ofRows(images, Mnist.SIDE, 8, 2);
        images.close();
        return grid;
    }

    /** One network saved by an earlier run, e.g. {@code load(folder, "mlp-gan", "generator")}. */
    public static MultiLayerNetwork load(Path folder, String model, String network) throws IOException {
        Path file = folder.resolve(model + "-" + network + ".zip");
        if (!Files.isRegularFile(file)) {
            throw new IOException("no saved " + model + " " + network + " in " + folder + ": train it first (LOAD_MODEL = false)");
        }
        return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
    }

    /** Saves one DL4J network atomically as {@code <model>-<network>.zip}, what {@link #load} reads back. */
    public static void saveNetwork(MultiLayerNetwork net, Path folder, String model, String network) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.write(folder.resolve(model + "-" + network + ".zip"), partial -> ModelSerializer.writeModel(net, partial.toFile(), true));
    }

    private static void save(ImageModel model, BufferedImage grid, int round, Settings s) {
        try {
            Files.createDirectories(s.folder());
            model.save(s.folder(), s.model());
            Provenance record = Provenance.of("samples from fixed latent points after round " + round, s.model())
                    .seed(s.seed()).setting("round", round).setting("batches", round * s.stepsPerRound()).setting("batch size", s.batchSize())
                    .trainedOn(s.trainedOn().toArray(String[]::new));
            try (var files = Files.list(s.folder())) {
                for (Path network : files.filter(f -> f.getFileName().toString().matches(Pattern.quote(s.model()) + "-[a-z]+\\.(zip|sd)")).sorted().toList()) {
                    record = record.checkpoint(network);
                }
            }
            record.save(s.folder().resolve(String.format("%s-round-%03d.png", s.model(), round)), grid);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save round " + round + " to " + s.folder() + ": " + e.getMessage(), e);
        }
    }
}
