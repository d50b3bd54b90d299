package creativeai.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What every training of the course is told besides its model and data: how long ({@link Budget}), how many
 * examples a batch holds, the seed of the order they come in, the checkpoint file it saves to, and listeners of its
 * own. {@code sequence.Trainer} and {@code image.ImageTrainer} extend it with what their kind of model needs (a
 * history to resume, a judge); {@code T} is that subclass, so the settings chain:
 * {@code .budget(Budget.epochs(3)).batchSize(16).seed(7).checkpoint(Course.checkpoint("sonnets-lstm"))}.
 */
public abstract class TrainingOptions<T extends TrainingOptions<T>> {
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Budget budget;
    private int batchSize;
    private long seed = 42;
    private Path checkpoint;

    protected TrainingOptions(Budget budget, int batchSize) {
        this.budget = budget;
        this.batchSize = batchSize;
    }

    /** How long to train. */
    public T budget(Budget budget) {
        this.budget = budget;
        return self();
    }

    /** Examples (windows, images) in one batch. */
    public T batchSize(int examples) {
        if (examples < 1) throw new IllegalArgumentException("a batch needs at least 1 example, not " + examples);
        this.batchSize = examples;
        return self();
    }

    /** Seeds which examples come in which batch (default 42). */
    public T seed(long seed) {
        this.seed = seed;
        return self();
    }

    /**
     * Saves the model to {@code file} (atomically: whole or not at all) after every round or epoch, so training
     * resumes from it and a later chapter can load it; by default nothing is saved.
     */
    public T checkpoint(Path file) {
        this.checkpoint = file;
        return self();
    }

    /** More listeners, called after the training's own (its bar, curves, scoring and saving). */
    public T listen(TrainingListener... more) {
        listeners.addAll(List.of(more));
        return self();
    }

    protected Budget budget() {
        return budget;
    }

    protected int batchSize() {
        return batchSize;
    }

    protected long seed() {
        return seed;
    }

    /** The file to save to, or null. */
    protected Path checkpoint() {
        return checkpoint;
    }

    protected TrainingListener[] listeners() {
        return listeners.toArray(TrainingListener[]::new);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
