package creativeai.image;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A network's pass over many images (or latent points) a group of rows at a time, the results stacked again: a
 * convolutional network's working arrays for thousands of images at once take gigabytes, a group's megabytes.
 * {@code pass} must return an array of its own (not one the network keeps and hands out again): the groups' results
 * are freed once stacked.
 */
final class RowGroups {
    private RowGroups() {
    }

    static INDArray apply(INDArray rows, int groupSize, UnaryOperator<INDArray> pass) {
        if (rows.rows() <= groupSize) return pass.apply(rows);
        List<INDArray> parts = new ArrayList<>();
        for (long from = 0; from < rows.rows(); from += groupSize) {
            parts.add(pass.apply(rows.get(NDArrayIndex.interval(from, Math.min(rows.rows(), from + groupSize)), NDArrayIndex.all())));
        }
        INDArray stacked = Nd4j.vstack(parts.toArray(INDArray[]::new));
        GanTraining.free(parts);
        return stacked;
    }
}
