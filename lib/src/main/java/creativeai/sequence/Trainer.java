package creativeai.sequence;

import creativeai.training.Interrupts;
import creativeai.training.TrainingView;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The training loop the text and music chapters share, for any {@link NextTokenModel} (chapter 2's LSTM,
 * chapter 6's Transformer): epochs of shuffled windows, a live progress bar and a live curve of bits per
 * token, a checkpoint after every epoch (atomic, with the history, so training can resume), and a hook after
 * each epoch, where a chapter shows a sample. The curve has each batch's loss as the model reports it (for an
 * LSTM trained with truncated backpropagation, only the last segment of each window, where it has already
 * read the rest: lower than a whole window's) and, after every epoch, training and validation bits scored the
 * same way, over whole windows ({@link BitsPerToken}). A time budget, when set, ends training mid-epoch once
 * spent, so two models can be compared at the same wall-clock cost. A loss that turns into NaN stops training
 * with advice, keeping the last good checkpoint.
 */
public final class Trainer {
    /** The curve's name for single batches' losses. */
    public static final String BATCH_SERIES = "training batch";

    /**
     * {@code epochs} is the total to reach: a resumed run trains only the epochs its history lacks.
     * {@code seconds}, if positive, is a time budget for the whole training (resumed runs included); the epoch
     * it runs out in ends early and counts as one.
     */
    public record Settings(String title, int epochs, int batchSize, long seed, Path checkpoint, double seconds) {
        public Settings {
            if (epochs < 1 || batchSize < 1) throw new IllegalArgumentException("epochs and batch size must be at least 1");
            if (seconds < 0 || Double.isNaN(seconds)) throw new IllegalArgumentException("the time budget must be 0 (none) or positive, not " + seconds);
        }

        /** No time budget. */
        public Settings(String title, int epochs, int batchSize, long seed, Path checkpoint) {
            this(title, epochs, batchSize, seed, checkpoint, 0);
        }
    }

    private Trainer() {
    }

    public static TrainingHistory train(MultiLayerNetwork net, TokenWindows training, TokenWindows validation, Settings settings,
                                        TrainingHistory resumed, IntConsumer afterEpoch) {
        return train(NextTokenModel.of(net), training, validation, settings, resumed, afterEpoch);
    }

    public static TrainingHistory train(NextTokenModel model, TokenWindows training, TokenWindows validation, Settings settings,
                                        TrainingHistory resumed, IntConsumer afterEpoch) {
        TrainingHistory history = resumed == null ? new TrainingHistory() : resumed;
        int batches = training.batches(settings.batchSize());
        boolean budgeted = settings.seconds() > 0;
        TrainingView view = TrainingView.standard();
        TrainingView.Curves curve = view.curves(settings.title() + ": loss", "epoch", "bits per token").markers("training", "validation");
        if (!budgeted) curve.xAxis(0, settings.epochs());
        for (int e = 0; e < history.epochs(); e++) {
            curve.add("validation", e + 1, history.validationBits(e));
            curve.add("training", e + 1, history.trainingBits(e));
        }
        int todo = settings.epochs() - history.epochs();
        if (todo <= 0 || budgeted && history.seconds() >= settings.seconds()) {
            curve.finish();
            return history;
        }
        TrainingView.Progress bar = budgeted ? view.progress(settings.title() + String.format(" (%.0f s)", settings.seconds()),
                (int) Math.ceil(settings.seconds() - history.seconds())) : view.progress(settings.title(), todo * batches);
        TokenWindows trainingSample = training.first(validation.windows()); // scored like validation, at the same cost
        boolean outOfTime = false;
        long runStart = System.nanoTime();
        for (int epoch = history.epochs(); epoch < settings.epochs() && !outOfTime; epoch++) {
            long start = System.nanoTime();
            double spentBefore = history.seconds(); // earlier epochs' seconds: summed once, not at every batch
            Random random = new Random(settings.seed() + epoch);
            int done = 0;
            for (Iterator<DataSet> it = training.epoch(settings.batchSize(), random); it.hasNext(); ) {
                Interrupts.check(settings.title());
                DataSet batch = it.next();
                double bits = model.learn(batch);
                release(batch);
                if (Double.isNaN(bits) || Double.isInfinite(bits)) {
                    throw new IllegalStateException("the loss became " + bits + " in epoch " + (epoch + 1) + ", batch " + (done + 1)
                            + ": the learning rate is probably too high (lower it, or clip gradients harder)"
                            + (settings.checkpoint() == null ? "" : "; the last good checkpoint is " + settings.checkpoint()));
                }
                done++;
                double spent = spentBefore + (System.nanoTime() - start) / 1e9;
                if (budgeted) {
                    bar.metric("bits/token", bits);
                    bar.advanceTo((int) ((System.nanoTime() - runStart) / 1e9)); // the bar counts seconds
                } else {
                    bar.step("bits/token", bits);
                }
                curve.add(BATCH_SERIES, epoch + done / (double) batches, bits);
                if (budgeted && spent >= settings.seconds()) {
                    outOfTime = true;
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double trainingBits = BitsPerToken.of(model, trainingSample, settings.batchSize());
            double validationBits = BitsPerToken.of(model, validation, settings.batchSize());
            history.add(trainingBits, validationBits, seconds);
            bar.metric("validation", validationBits);
            curve.add("training", epoch + done / (double) batches, trainingBits);
            curve.add("validation", epoch + done / (double) batches, validationBits);
            if (settings.checkpoint() != null) save(model, history, settings.checkpoint());
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

    private static void save(NextTokenModel model, TrainingHistory history, Path file) {
        try {
            model.save(history, file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}
