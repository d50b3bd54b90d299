package creativeai.sequence;

import creativeai.display.LiveChart;
import creativeai.display.ProgressBar;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The training loop the text and music chapters share: epochs of shuffled windows, a live progress bar and a
 * live curve of bits per token, a checkpoint after every epoch (atomic, with the history, so
 * {@link Checkpoints#load} can resume), and a hook after each epoch, where a chapter shows a sample. The curve
 * has each batch's loss as DL4J reports it (only the last truncated-BPTT segment of each window, where the
 * LSTM has already read the rest: lower than a whole window's) and, after every epoch, training and validation
 * bits scored the same way, over whole windows ({@link BitsPerToken}). A loss that turns into NaN stops
 * training with advice, keeping the last good checkpoint.
 */
public final class Trainer {
    /** The curve's name for single batches' losses (the last truncated-BPTT segment of each window). */
    public static final String BATCH_SERIES = "training batch (last segment)";

    /** {@code epochs} is the total to reach: a resumed run trains only the epochs its history lacks. */
    public record Settings(String title, int epochs, int batchSize, long seed, Path checkpoint) {
        public Settings {
            if (epochs < 1 || batchSize < 1) throw new IllegalArgumentException("epochs and batch size must be at least 1");
        }
    }

    private Trainer() {
    }

    public static TrainingHistory train(MultiLayerNetwork net, TokenWindows training, TokenWindows validation, Settings settings,
                                        TrainingHistory resumed, IntConsumer afterEpoch) {
        TrainingHistory history = resumed == null ? new TrainingHistory() : resumed;
        int batches = training.batches(settings.batchSize());
        LiveChart curve = LiveChart.start(settings.title() + ": loss", "epoch", "bits per token")
                .xAxis(0, settings.epochs()).markers("training", "validation");
        for (int e = 0; e < history.epochs(); e++) {
            curve.add("validation", e + 1, history.validationBits(e));
            curve.add("training", e + 1, history.trainingBits(e));
        }
        int todo = settings.epochs() - history.epochs();
        if (todo <= 0) {
            curve.finish();
            return history;
        }
        ProgressBar bar = ProgressBar.start(settings.title(), todo * batches);
        double tokensPerScore = scoredSteps(net, training);
        TokenWindows trainingSample = training.first(validation.windows()); // scored like validation, at the same cost
        for (int epoch = history.epochs(); epoch < settings.epochs(); epoch++) {
            long start = System.nanoTime();
            Random random = new Random(settings.seed() + epoch);
            int done = 0;
            for (Iterator<DataSet> it = training.epoch(settings.batchSize(), random); it.hasNext(); ) {
                DataSet batch = it.next();
                net.fit(batch);
                release(batch);
                double bits = net.score() / tokensPerScore / Math.log(2);
                if (Double.isNaN(bits) || Double.isInfinite(bits)) {
                    throw new IllegalStateException("the loss became " + bits + " in epoch " + (epoch + 1) + ", batch " + (done + 1)
                            + ": the learning rate is probably too high (lower it, or clip gradients harder)"
                            + (settings.checkpoint() == null ? "" : "; the last good checkpoint is " + settings.checkpoint()));
                }
                done++;
                bar.step("bits/token", bits);
                curve.add(BATCH_SERIES, epoch + done / (double) batches, bits);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double trainingBits = BitsPerToken.of(net, trainingSample, settings.batchSize());
            double validationBits = BitsPerToken.of(net, validation, settings.batchSize());
            history.add(trainingBits, validationBits, seconds);
            bar.metric("validation", validationBits);
            curve.add("training", epoch + 1, trainingBits);
            curve.add("validation", epoch + 1, validationBits);
            if (settings.checkpoint() != null) save(net, history, settings.checkpoint());
            if (afterEpoch != null) afterEpoch.accept(epoch + 1);
        }
        curve.finish();
        return history;
    }

    /**
     * Frees a batch's off-heap memory now. Left to the garbage collector, which sees only the small Java
     * objects, spent batches piled up to ~1 GB before a collection freed them (measured with a 2,000-character
     * vocabulary).
     */
    static void release(DataSet batch) {
        batch.getFeatures().close();
        batch.getLabels().close();
    }

    /** DL4J's score sums the loss over the time steps of the last fitted segment: the TBPTT length, or the window. */
    private static double scoredSteps(MultiLayerNetwork net, TokenWindows training) {
        int window = training.length();
        var conf = net.getLayerWiseConfigurations();
        return conf.getBackpropType() == BackpropType.TruncatedBPTT ? Math.min(conf.getTbpttFwdLength(), window) : window;
    }

    private static void save(MultiLayerNetwork net, TrainingHistory history, Path file) {
        try {
            Checkpoints.save(net, history, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
