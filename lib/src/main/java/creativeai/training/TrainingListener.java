package creativeai.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.BiConsumer;

/**
 * What happens around the steps of a {@link TrainingLoop}: a progress bar, live curves, a judge that scores the
 * model after every round, a checkpoint, a sample shown to the reader. Each is a listener, so every chapter's
 * training (the library's loops and the loops a notebook writes itself) shows, saves and stops the same way.
 * Listeners are called in the order they were given; all methods do nothing unless overridden.
 */
public interface TrainingListener {
    /** Before the first step (also of a resumed run). */
    default void started(TrainingRun run) {
    }

    /** After every step, with the losses it returned (named by {@link TrainingRun#lossNames()}). */
    default void stepped(TrainingRun run, double[] losses) {
    }

    /** After every round; {@link TrainingRun#rounds()} already counts it. */
    default void roundEnded(TrainingRun run) {
    }

    /** After the last round, or when the loop stops early. */
    default void finished(TrainingRun run) {
    }

    /** What a notebook does after every round; it may save, so it may fail with an {@link IOException}. */
    @FunctionalInterface
    interface RoundAction {
        void after(TrainingRun run) throws IOException;
    }

    /** A listener that runs {@code action} after every round: a notebook's own scoring, saving or printing. */
    static TrainingListener afterRound(RoundAction action) {
        return new TrainingListener() {
            @Override
            public void roundEnded(TrainingRun run) {
                try {
                    action.after(run);
                } catch (IOException e) {
                    throw new UncheckedIOException(run.title() + ", after round " + run.rounds() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    /** A listener that runs {@code action} with every step's losses: a notebook's own curve. */
    static TrainingListener afterStep(BiConsumer<TrainingRun, double[]> action) {
        return new TrainingListener() {
            @Override
            public void stepped(TrainingRun run, double[] losses) {
                action.accept(run, losses);
            }
        };
    }
}
