package creativeai.sequence;

import creativeai.training.Budget;
import creativeai.training.CheckpointListener;
import creativeai.training.LossCurves;
import creativeai.training.ProgressListener;
import creativeai.training.TrainingListener;
import creativeai.training.TrainingOptions;
import creativeai.training.TrainingLoop;
import creativeai.training.TrainingRun;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Iterator;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * How the text and music chapters train any {@link NextTokenModel} (chapter 2's LSTM, chapter 6's Transformer):
 * the course's {@link TrainingLoop}, one round an epoch of shuffled windows, with a live progress bar and a live
 * curve of bits per token, a checkpoint after every epoch (atomic, with the history, so training resumes), and a
 * hook after each epoch, where a chapter shows a sample. Settings have names and defaults (those every training
 * shares come from {@link TrainingOptions}). {@code Budget.epochs(n)} is the total to reach, so a resumed run trains
 * only the epochs its history lacks, and a time budget counts the seconds of earlier runs too:
 * <pre>{@code new Trainer("sonnet LSTM", net).budget(Budget.epochs(15)).checkpoint(file).train(training, validation)}</pre>
 * The curve has each batch's loss as the model reports it (for an LSTM trained with truncated backpropagation,
 * only the last segment of each window, where it has already read the rest: lower than a whole window's) and,
 * after every epoch, training and validation bits scored the same way, over whole windows ({@link BitsPerToken}).
 * A time budget ({@code Budget.seconds}) ends training mid-epoch once spent, so two models can be compared at the
 * same wall-clock cost. A loss that turns into NaN stops training with advice, keeping the last good checkpoint.
 */
public final class Trainer extends TrainingOptions<Trainer> {
    /** The curve's name for single batches' losses. */
    public static final String BATCH_SERIES = "training batch";
    /**
     * Windows scored at once after each epoch, at least: scoring keeps no gradients, and larger batches keep both
     * cores busier (chapter 3's held-out tunes: 3.4 s in batches of 32, 1.5 s in batches of 128; the same bits).
     */
    static final int SCORING_BATCH = 128;

    private final String title;
    private final NextTokenModel model;
    private TrainingHistory resumed;
    private IntConsumer afterEpoch = epoch -> { };

    /** Training for {@code model}, shown under {@code title}: one epoch of batches of 32, seed 42, no checkpoint, until set otherwise. */
    public Trainer(String title, NextTokenModel model) {
        super(Budget.epochs(1), 32);
        this.title = title;
        this.model = model;
    }

    /** Training for chapter 2's kind of network, an LSTM. */
    public Trainer(String title, MultiLayerNetwork net) {
        this(title, NextTokenModel.of(net));
    }

    /** Continues from a saved history (null: a fresh start); its curves are drawn again first. */
    public Trainer resume(TrainingHistory history) {
        this.resumed = history;
        return this;
    }

    /** Called with the number of epochs done after each epoch (and its checkpoint). */
    public Trainer afterEpoch(IntConsumer hook) {
        this.afterEpoch = hook;
        return this;
    }

    /** Trains on {@code training}, scoring on {@code validation} after every epoch; returns the whole history. */
    public TrainingHistory train(TokenWindows training, TokenWindows validation) {
        TrainingHistory history = resumed == null ? new TrainingHistory() : resumed;
        ProgressListener bar = new ProgressListener();
        LossCurves curves = LossCurves.of(title + ": loss", "epoch", "bits per token").every(1).series(BATCH_SERIES).markers("training", "validation");
        Scoring scoring = new Scoring(history, training.first(validation.windows()), validation, bar, curves);
        TrainingLoop loop = TrainingLoop.of(title, training.batches(batchSize()), new Batches(training), "bits/token")
                .budget(budget()).resume(history.epochs(), history.seconds())
                .listen(bar, curves, scoring);
        if (checkpoint() != null) loop.listen(CheckpointListener.to(checkpoint(), (file, run) -> model.save(history, file)));
        loop.listen(TrainingListener.afterRound(run -> afterEpoch.accept(run.rounds()))).listen(listeners()).run();
        return history;
    }

    /** One step: the next batch of the epoch's shuffled windows. */
    private final class Batches implements TrainingLoop.Step {
        private final TokenWindows windows;
        private Iterator<DataSet> epoch;

        Batches(TokenWindows windows) {
            this.windows = windows;
        }

        @Override
        public double[] learn(int round, int step) {
            if (step == 0) epoch = windows.epoch(batchSize(), new Random(seed() + round));
            DataSet batch = epoch.next();
            double bits = model.learn(batch);
            release(batch);
            return new double[] {bits};
        }
    }

    /** After every epoch: training and validation bits, into the history and the curves. */
    private final class Scoring implements TrainingListener {
        private final TrainingHistory history;
        private final TokenWindows trainingSample; // scored like validation, at the same cost
        private final TokenWindows validation;
        private final ProgressListener bar;
        private final LossCurves curves;
        private double secondsBefore;

        Scoring(TrainingHistory history, TokenWindows trainingSample, TokenWindows validation, ProgressListener bar, LossCurves curves) {
            this.history = history;
            this.trainingSample = trainingSample;
            this.validation = validation;
            this.bar = bar;
            this.curves = curves;
        }

        @Override
        public void started(TrainingRun run) {
            for (int e = 0; e < history.epochs(); e++) {
                curves.add("validation", e + 1, history.validationBits(e));
                curves.add("training", e + 1, history.trainingBits(e));
            }
            secondsBefore = run.seconds();
        }

        @Override
        public void roundEnded(TrainingRun run) {
            int scoring = Math.max(batchSize(), SCORING_BATCH);
            double trainingBits = BitsPerToken.of(model, trainingSample, scoring);
            double validationBits = BitsPerToken.of(model, validation, scoring);
            history.add(trainingBits, validationBits, run.seconds() - secondsBefore);
            secondsBefore = run.seconds();
            bar.metric("validation", validationBits);
            curves.add("training", run.position(), trainingBits);
            curves.add("validation", run.position(), validationBits);
        }
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
}
