package creativeai.training;

import java.util.ArrayList;
import java.util.List;

/**
 * What every training of the course is told besides its model and data: how long ({@link Budget}), how many
 * examples a batch holds, the seed of the order they come in, and listeners of its own. {@code sequence.Trainer}
 * and {@code image.ImageTrainer} extend it with what their kind of model needs (a checkpoint file, a judge);
 * {@code T} is that subclass, so the settings chain: {@code .budget(Budget.epochs(3)).batchSize(16).seed(7)}.
 */
public abstract class TrainingOptions<T extends TrainingOptions<T>> {
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Budget budget;
    private int batchSize;
    private long seed = 42;

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

    protected TrainingListener[] listeners() {
        return listeners.toArray(TrainingListener[]::new);
    }

    @SuppressWarnings("unchecked")
    private T self() {
        return (T) this;
    }
}
