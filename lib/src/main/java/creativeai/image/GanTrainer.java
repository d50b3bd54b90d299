package creativeai.image;

import creativeai.data.AtomicFiles;
import creativeai.data.Mnist;
import creativeai.display.LiveChart;
import creativeai.display.ProgressBar;
import creativeai.kernel.runtime.Display;
import creativeai.plot.ImageGrid;
import creativeai.plot.PngFiles;
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
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs a GAN for a number of rounds, with what a reader watches: a progress bar, live loss curves of both
 * players, and a grid of samples from the same fixed noise, redrawn in place after every round. Each round's
 * grid is saved as a PNG that names the model, round and seed; both networks are saved (atomically) after
 * every round, so training can resume from {@link #load}. A loss that turns into NaN stops with advice.
 */
public final class GanTrainer {
    /** {@code rounds} of {@code stepsPerRound} batches; files go to {@code folder} (checkpoints and sample grids). */
    public record Settings(String model, int rounds, int stepsPerRound, int batchSize, long seed, Path folder) {
    }

    /** A trained pair and what training showed: each round's grid and mean losses. */
    public record Result(List<BufferedImage> grids, List<double[]> losses, double seconds) {
        /** The top row of every round's grid, one under the other: how the drawings evolved. */
        public BufferedImage evolution() {
            int width = grids.get(0).getWidth(), row = Mnist.SIDE * 2 + 2;
            BufferedImage strip = new BufferedImage(width, row * grids.size(), BufferedImage.TYPE_BYTE_GRAY);
            var canvas = strip.createGraphics();
            for (int i = 0; i < grids.size(); i++) canvas.drawImage(grids.get(i).getSubimage(0, 0, width, row), 0, i * row, null);
            canvas.dispose();
            return strip;
        }
    }

    private GanTrainer() {
    }

    public static Result train(MultiLayerNetwork generator, MultiLayerNetwork discriminator, GanTraining gan, INDArray real,
                               INDArray fixedNoise, Settings settings) {
        ProgressBar bar = ProgressBar.start(settings.model(), settings.rounds() * settings.stepsPerRound());
        LiveChart curves = LiveChart.start(settings.model() + ": losses", "round", "binary cross-entropy").xAxis(0, settings.rounds());
        String gridId = Display.inNotebook() ? Display.display(grid(generator, fixedNoise)) : null; // no text form worth printing
        List<BufferedImage> grids = new ArrayList<>();
        List<double[]> losses = new ArrayList<>();
        Random random = new Random(settings.seed());
        long start = System.nanoTime();
        int rows = (int) real.rows();
        int every = Math.max(1, settings.stepsPerRound() / 25), recent = 0;
        double recentD = 0, recentG = 0;
        for (int round = 0; round < settings.rounds(); round++) {
            double d = 0, g = 0;
            for (int step = 0; step < settings.stepsPerRound(); step++) {
                int from = random.nextInt(rows - settings.batchSize() + 1);
                var l = gan.step(real.get(NDArrayIndex.interval(from, from + settings.batchSize()), NDArrayIndex.all()));
                if (Double.isNaN(l.discriminator()) || Double.isNaN(l.generator())) {
                    throw new IllegalStateException("a loss became NaN in round " + (round + 1) + ": lower the learning rates; "
                            + "the last good networks are in " + settings.folder());
                }
                d += l.discriminator();
                g += l.generator();
                recentD += l.discriminator();
                recentG += l.generator();
                if (++recent == every) { // the curves show means over a few steps: single steps are too noisy to read
                    double x = round + (step + 1.0) / settings.stepsPerRound();
                    curves.add("discriminator", x, recentD / recent);
                    curves.add("generator", x, recentG / recent);
                    recent = 0;
                    recentD = recentG = 0;
                }
                bar.step("D", l.discriminator());
                bar.metric("G", l.generator());
            }
            losses.add(new double[] {d / settings.stepsPerRound(), g / settings.stepsPerRound()});
            BufferedImage image = grid(generator, fixedNoise);
            grids.add(image);
            if (gridId != null) Display.updateDisplay(gridId, image);
            save(generator, discriminator, image, round + 1, settings);
        }
        curves.finish();
        return new Result(grids, losses, (System.nanoTime() - start) / 1e9);
    }

    /** The generator's images for the given noise, as a grid of 8 columns. */
    public static BufferedImage grid(MultiLayerNetwork generator, INDArray noise) {
        INDArray images = GanTraining.draw(generator, noise);
        List<INDArray> rows = new ArrayList<>();
        for (int i = 0; i < images.rows(); i++) rows.add(images.getRow(i).dup());
        return ImageGrid.of(rows, Mnist.SIDE, 8, 2);
    }

    /** Networks saved by an earlier run: {generator, discriminator}. */
    public static MultiLayerNetwork[] load(Path folder, String model) throws IOException {
        Path g = folder.resolve(model + "-generator.zip"), d = folder.resolve(model + "-discriminator.zip");
        if (!Files.isRegularFile(g) || !Files.isRegularFile(d)) {
            throw new IOException("no saved " + model + " in " + folder + ": train it first (LOAD_MODEL = false)");
        }
        return new MultiLayerNetwork[] {ModelSerializer.restoreMultiLayerNetwork(g.toFile(), true),
                ModelSerializer.restoreMultiLayerNetwork(d.toFile(), true)};
    }

    private static void save(MultiLayerNetwork generator, MultiLayerNetwork discriminator, BufferedImage grid, int round, Settings s) {
        try {
            Files.createDirectories(s.folder());
            writeAtomically(generator, s.folder().resolve(s.model() + "-generator.zip"));
            writeAtomically(discriminator, s.folder().resolve(s.model() + "-discriminator.zip"));
            PngFiles.save(grid, s.folder().resolve(String.format("%s-round-%03d.png", s.model(), round)),
                    Map.of("Software", "Creative AI in Java", "Model", s.model(), "Round", Integer.toString(round),
                            "Seed", Long.toString(s.seed()), "Description", "samples from a fixed noise batch"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not save round " + round + " to " + s.folder() + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(MultiLayerNetwork net, Path file) throws IOException {
        AtomicFiles.write(file, partial -> ModelSerializer.writeModel(net, partial.toFile(), true));
    }
}
