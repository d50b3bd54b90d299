package creativeai.recommend;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.MultiDataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.MultiDataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

import java.util.NoSuchElementException;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Ratings in shuffled batches for a network with two inputs: the user's number and the film's number (one column
 * each, as DL4J's embedding layers read them), and one label, the stars minus an offset (the mean rating, so the
 * network learns how much a rating differs from the average). Every {@link #reset()} (every epoch) reshuffles,
 * from a seed.
 */
public final class RatingBatches implements MultiDataSetIterator {
    private final Ratings ratings;
    private final int batchSize;
    private final double offset;
    private final Random random;
    private final int[] order;
    private int next;
    private MultiDataSetPreProcessor preProcessor;

    public RatingBatches(Ratings ratings, int batchSize, double offset, long seed) {
        if (batchSize <= 0) throw new IllegalArgumentException("the batch size must be positive, not " + batchSize);
        this.ratings = ratings;
        this.batchSize = batchSize;
        this.offset = offset;
        this.random = new Random(seed);
        this.order = IntStream.range(0, ratings.size()).toArray();
        reset();
    }

    /** Batches in one pass over the ratings. */
    public int batchesPerEpoch() {
        return (ratings.size() + batchSize - 1) / batchSize;
    }

    /** The user and film columns of a network's two inputs, for any ratings (in their order, not shuffled). */
    public static INDArray[] inputs(Ratings ratings) {
        return inputs(ratings, IntStream.range(0, ratings.size()).toArray());
    }

    private static INDArray[] inputs(Ratings ratings, int[] positions) {
        float[] users = new float[positions.length], films = new float[positions.length];
        for (int j = 0; j < positions.length; j++) {
            users[j] = ratings.user(positions[j]);
            films[j] = ratings.film(positions[j]);
        }
        return new INDArray[] {Nd4j.create(users, positions.length, 1), Nd4j.create(films, positions.length, 1)};
    }

    @Override
    public boolean hasNext() {
        return next < order.length;
    }

    @Override
    public MultiDataSet next() {
        return next(batchSize);
    }

    @Override
    public MultiDataSet next(int num) {
        if (!hasNext()) throw new NoSuchElementException("the epoch is over: call reset()");
        int[] positions = java.util.Arrays.copyOfRange(order, next, Math.min(order.length, next + num));
        next += positions.length;
        float[] labels = new float[positions.length];
        for (int j = 0; j < positions.length; j++) labels[j] = (float) (ratings.stars(positions[j]) - offset);
        MultiDataSet batch = new MultiDataSet(inputs(ratings, positions), new INDArray[] {Nd4j.create(labels, positions.length, 1)});
        if (preProcessor != null) preProcessor.preProcess(batch);
        return batch;
    }

    /** Starts a new epoch in a new random order. */
    @Override
    public void reset() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        next = 0;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return false;
    }

    @Override
    public void setPreProcessor(MultiDataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public MultiDataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }
}
