package creativeai.image;

import creativeai.data.Mnist;
import creativeai.originality.Provenance;
import creativeai.plot.Captions;
import creativeai.plot.ImageGrid;
import creativeai.training.Budget;
import creativeai.training.CheckpointListener;
import creativeai.training.LossCurves;
import creativeai.training.ProgressListener;
import creativeai.training.TrainingListener;
import creativeai.training.TrainingOptions;
import creativeai.training.TrainingLoop;
import creativeai.training.TrainingRun;
import creativeai.training.TrainingView;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * How chapters 4 and 5 train an {@link ImageModel} (a GAN, a VAE): the course's {@link TrainingLoop}, rounds of
 * random batches, with what a reader watches: a progress bar, live loss curves, and a grid of images drawn from the
 * same fixed latent points, redrawn in place after every round. Given a {@link #checkpoint checkpoint}, the model is
 * saved (atomically) to it after every round with how far training has come ({@link ImageTrainingProgress}, so a run
 * {@link #resume resumes}), and each round's grid beside it as a PNG that names the model, round, seed and checkpoint.
 * Given a {@link Judge}, it also measures the Fréchet distance of 500 samples after every round: how quality moved
 * during training. Settings have names and defaults:
 * <pre>{@code new ImageTrainer("dense VAE", vae).rounds(4).stepsPerRound(940).checkpoint(file).train(images, points)}</pre>
 */
public final class ImageTrainer extends TrainingOptions<ImageTrainer> {
    private static final int JUDGED_SAMPLES = 500;

    private final String title;
    private final ImageModel model;
    private int stepsPerRound = 100;
    private List<String> trainedOn = List.of();
    private Judge judge;
    private ImageTrainingProgress resumed = ImageTrainingProgress.none();

    /** Training for {@code model}, shown under {@code title}: 1 round of 100 batches of 64, seed 42, no checkpoint, until set otherwise. */
    public ImageTrainer(String title, ImageModel model) {
        super(Budget.rounds(1), 64);
        this.title = title;
        this.model = model;
    }

    /** The same as {@code budget(Budget.rounds(count))}. */
    public ImageTrainer rounds(int count) {
        return budget(Budget.rounds(count));
    }

    public ImageTrainer stepsPerRound(int batches) {
        if (batches < 1) throw new IllegalArgumentException("a round needs at least 1 batch, not " + batches);
        this.stepsPerRound = batches;
        return this;
    }

    /**
     * Continues a run saved in a checkpoint ({@link ImageTrainingProgress#of}) on the model loaded from it: the budget
     * counts its rounds and seconds too, and the result's losses and Fréchet distances start with its own.
     */
    public ImageTrainer resume(ImageTrainingProgress progress) {
        this.resumed = progress;
        return this;
    }

    /** Names the training data, as datasets/MANIFEST does ({@code "mnist-train-images"}): the grids' provenance cites them. */
    public ImageTrainer trainedOn(String... manifestNames) {
        this.trainedOn = List.of(manifestNames);
        return this;
    }

    /** Measures the Fréchet distance of 500 samples after every round. */
    public ImageTrainer judge(Judge judge) {
        this.judge = judge;
        return this;
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
            return Captions.captioned(strip, "the first row of samples after each of " + grids.size() + " rounds, one under the other");
        }

        /** How many rounds ended with a worse (larger) Fréchet distance than the round before. */
        public int roundsThatGotWorse() {
            int worse = 0;
            for (int i = 1; i < frechetByRound.size(); i++) if (frechetByRound.get(i) > frechetByRound.get(i - 1)) worse++;
            return worse;
        }
    }

    /** Trains on random batches of {@code images} (one per row, in the range the model expects); grids show {@code fixedPoints}. */
    public Result train(INDArray images, INDArray fixedPoints) {
        Random random = new Random(seed() + resumed.rounds());   // a resumed run does not repeat the batches it began with
        int batchSize = batchSize();
        int rows = (int) images.rows();
        TrainingLoop.Step step = (round, i) -> {
            int from = random.nextInt(rows - batchSize + 1);
            return model.learn(images.get(NDArrayIndex.interval(from, from + batchSize), NDArrayIndex.all()));
        };
        Rounds rounds = new Rounds(fixedPoints);
        TrainingLoop loop = TrainingLoop.of(title, stepsPerRound, step, model.lossNames()).budget(budget())
                .resume(resumed.rounds(), resumed.seconds())
                .listen(new ProgressListener(), LossCurves.of(title + ": losses", "round", model.lossUnit()), rounds);
        if (checkpoint() != null) loop.listen(CheckpointListener.to(checkpoint(), (file, done) -> save(file, rounds.grids.get(rounds.grids.size() - 1), rounds.progress(done))));
        TrainingRun run = loop.listen(listeners()).run();
        return new Result(List.of(model.lossNames()), rounds.grids, rounds.losses, rounds.frechet, run.rounds() * stepsPerRound, run.seconds());
    }

    /** After every round: its mean losses, its Fréchet distance if judged, its grid shown. */
    private final class Rounds implements TrainingListener {
        private final INDArray fixedPoints;
        private final INDArray judgedPoints = judge == null ? null : model.noise(JUDGED_SAMPLES);
        private final List<BufferedImage> grids = new ArrayList<>();
        private final List<double[]> losses = new ArrayList<>(resumed.losses());
        private final List<Double> frechet = new ArrayList<>(resumed.frechetByRound());
        private TrainingView.Picture picture;
        private double[] sums;

        Rounds(INDArray fixedPoints) {
            this.fixedPoints = fixedPoints;
        }

        ImageTrainingProgress progress(TrainingRun run) {
            return new ImageTrainingProgress(run.rounds(), run.seconds(), losses, frechet);
        }

        @Override
        public void started(TrainingRun run) {
            picture = TrainingView.standard().picture(grid(model, fixedPoints));
            sums = new double[run.lossNames().size()];
        }

        @Override
        public void stepped(TrainingRun run, double[] stepLosses) {
            for (int i = 0; i < sums.length; i++) sums[i] += stepLosses[i];
        }

        @Override
        public void roundEnded(TrainingRun run) {
            for (int i = 0; i < sums.length; i++) sums[i] /= run.step();
            losses.add(sums);
            sums = new double[sums.length];
            if (judge != null) frechet.add(judge.frechetDistance(model.draw(judgedPoints)));
            BufferedImage image = grid(model, fixedPoints);
            grids.add(image);
            picture.show(image);
        }
    }

    /** The model's images for the given latent points, as a grid of 8 columns. */
    public static BufferedImage grid(ImageModel model, INDArray latentPoints) {
        INDArray images = model.draw(latentPoints);
        BufferedImage grid = ImageGrid.ofRows(images, 8, 2);
        images.close();
        return grid;
    }

    /**
     * Saves the model to its checkpoint, and the round's grid beside it ({@code vae-16d.zip}: {@code vae-16d-round-003.png})
     * with a provenance record that cites it; returns the checkpoint.
     */
    private Path save(Path file, BufferedImage grid, ImageTrainingProgress progress) throws IOException {
        int round = progress.rounds();
        Path saved = model.save(file, Map.of(ImageTrainingProgress.PART, progress::writeTo));
        String stem = saved.getFileName().toString().replaceFirst("\\.zip$", "");
        Provenance.of("samples from fixed latent points after round " + round, title)
                .seed(seed()).setting("round", round).setting("batches", round * stepsPerRound).setting("batch size", batchSize())
                .trainedOn(trainedOn.toArray(String[]::new)).checkpoint(saved)
                .save(saved.resolveSibling(String.format("%s-round-%03d.png", stem, round)), grid);
        return saved;
    }
}
