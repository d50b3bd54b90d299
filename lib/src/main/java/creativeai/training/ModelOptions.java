package creativeai.training;

/**
 * What every model factory of the course takes besides its sizes: Adam's learning rate and the seed of the initial
 * weights, named, with defaults. A model's own options ({@code TokenLstm.Options}, {@code Transformer.Options},
 * {@code DenseVae.Options}, {@code Factorisation.Options}) extend it with their sizes; {@code O} is that subclass, so
 * the setters chain.
 */
public abstract class ModelOptions<O extends ModelOptions<O>> {
    private double learningRate;
    private long seed = 42;

    protected ModelOptions(double learningRate) {
        this.learningRate = learningRate;
    }

    /** Adam's step size. */
    public O learningRate(double rate) {
        if (!(rate > 0) || Double.isInfinite(rate)) throw new IllegalArgumentException("the learning rate must be positive, not " + rate);
        learningRate = rate;
        return self();
    }

    /** Seeds the initial weights (default 42). */
    public O seed(long seed) {
        this.seed = seed;
        return self();
    }

    public double learningRate() {
        return learningRate;
    }

    public long seed() {
        return seed;
    }

    @SuppressWarnings("unchecked")
    private O self() {
        return (O) this;
    }
}
