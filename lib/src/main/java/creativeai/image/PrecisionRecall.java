package creativeai.image;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;

/**
 * Precision and recall of a generative model (Kynkäänniemi et al., 2019), in a judge's feature space. Around every
 * real sample draw a ball reaching its k-th nearest real neighbour: together they outline where real images lie.
 * <b>Precision</b> is the share of generated samples inside that outline (fidelity: do they look real?);
 * <b>recall</b> is the share of real samples inside the outline the generated ones draw the same way (coverage: is
 * every kind of real image drawn?). A model that draws one perfect digit has high precision and low recall.
 */
public final class PrecisionRecall {
    /** The paper's neighbourhood size. */
    public static final int NEIGHBOURS = 3;

    private final INDArray points;
    private final double[] radii;

    private PrecisionRecall(INDArray points) {
        if (points.rows() <= NEIGHBOURS) throw new IllegalArgumentException("need more than " + NEIGHBOURS + " samples, not " + points.rows());
        this.points = points.castTo(DataType.DOUBLE);
        this.radii = kthNeighbourDistances(this.points);
    }

    /** The outline of a cloud of features (one sample per row). */
    public static PrecisionRecall outline(INDArray features) {
        return new PrecisionRecall(features);
    }

    /** Share of {@code samples} (features, one per row) inside this outline. */
    public double shareInside(INDArray samples) {
        INDArray distances = squaredDistances(samples.castTo(DataType.DOUBLE), points);
        int inside = 0;
        for (int i = 0; i < distances.rows(); i++) {
            double[] row = distances.getRow(i).toDoubleVector();
            for (int j = 0; j < row.length; j++) {
                if (row[j] <= radii[j]) {
                    inside++;
                    break;
                }
            }
        }
        return (double) inside / samples.rows();
    }

    /** Precision of {@code generated} against the real features this outline was drawn around. */
    public double precision(INDArray generated) {
        return shareInside(generated);
    }

    /** Recall: the share of this outline's real features inside the outline of {@code generated}. */
    public double recall(INDArray generated) {
        return outline(generated).shareInside(points);
    }

    /** Squared distance from each point to its k-th nearest other point. */
    private static double[] kthNeighbourDistances(INDArray points) {
        INDArray distances = squaredDistances(points, points);
        double[] radii = new double[(int) points.rows()];
        for (int i = 0; i < radii.length; i++) {
            double[] row = distances.getRow(i).toDoubleVector();
            Arrays.sort(row);
            radii[i] = row[NEIGHBOURS];   // row[0] is the point itself
        }
        return radii;
    }

    private static INDArray squaredDistances(INDArray a, INDArray b) {
        INDArray aSquared = a.mul(a).sum(true, 1), bSquared = b.mul(b).sum(true, 1);
        return a.mmul(b.transpose()).muli(-2).addiColumnVector(aSquared).addiRowVector(bSquared.transpose());
    }
}
