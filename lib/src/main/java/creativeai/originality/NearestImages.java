package creativeai.originality;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * For each image (or feature vector) asked about, the nearest training image and its Euclidean distance: the
 * test of whether a generated image is a copy. The distances come from one matrix product per block of
 * queries, ‖q − t‖² = ‖q‖² + ‖t‖² − 2 q·t, so all 60,000 MNIST digits are searched in about a second.
 */
public final class NearestImages {
    private static final int BLOCK = 256;
    private final INDArray training;
    private final INDArray trainingSquares;

    /** {@code training}: one image or feature vector per row. */
    public NearestImages(INDArray training) {
        if (training.rank() != 2 || training.rows() == 0) throw new IllegalArgumentException("the training images must be rows of a matrix, not " + training.shapeInfoToString());
        this.training = training.castTo(DataType.FLOAT);
        this.trainingSquares = this.training.mul(this.training).sum(1);
    }

    /** The nearest training row of every query row: its index and distance. */
    public record Matches(int[] index, double[] distance) {
    }

    public Matches find(INDArray queries) {
        if (queries.rank() != 2 || queries.columns() != training.columns()) {
            throw new IllegalArgumentException("the queries must be rows of " + training.columns() + " values, like the training images, not " + queries.shapeInfoToString());
        }
        int n = (int) queries.rows();
        int[] index = new int[n];
        double[] distance = new double[n];
        for (int from = 0; from < n; from += BLOCK) {
            int to = Math.min(n, from + BLOCK);
            try (INDArray q = queries.get(NDArrayIndex.interval(from, to), NDArrayIndex.all()).castTo(DataType.FLOAT).dup();
                 INDArray squares = q.mul(q).sum(1);
                 INDArray d2 = q.mmul(training.transpose()).muli(-2).addiRowVector(trainingSquares).addiColumnVector(squares.reshape(to - from, 1));
                 INDArray nearest = d2.neg().argMax(1);
                 INDArray least = d2.min(1)) {
                for (int i = from; i < to; i++) {
                    index[i] = nearest.getInt(i - from);
                    distance[i] = Math.sqrt(Math.max(0, least.getDouble(i - from)));
                }
            }
        }
        return new Matches(index, distance);
    }
}
