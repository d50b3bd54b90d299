package creativeai.image;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The kernel inception distance (Bińkowski et al., 2018) between two clouds of feature vectors: the squared maximum
 * mean discrepancy with the cubic kernel k(x, y) = (x·y / d + 1)³, estimated without bias. Unlike the Fréchet
 * distance it assumes no Gaussian shape and its estimate does not depend on how many samples were drawn (two samples
 * of one distribution give about 0, and may give a little below); the price is a noisier number. The kernel
 * expects features of about unit size: a cubic kernel on large features lets a few of them swamp the rest.
 */
public final class KernelDistance {
    private KernelDistance() {
    }

    /** Rows are samples, columns features; at least 2 rows on each side. */
    public static double between(INDArray a, INDArray b) {
        if (a.columns() != b.columns()) throw new IllegalArgumentException(a.columns() + " features against " + b.columns());
        if (a.rows() < 2 || b.rows() < 2) throw new IllegalArgumentException("need at least 2 samples on each side");
        INDArray x = a.castTo(DataType.DOUBLE), y = b.castTo(DataType.DOUBLE);
        long m = x.rows(), n = y.rows();
        return withinMean(x) + withinMean(y) - 2 * kernel(x, y).sumNumber().doubleValue() / (m * n);
    }

    /** The mean of k over pairs of different rows: the unbiased part that leaves out k(x, x). */
    private static double withinMean(INDArray x) {
        INDArray k = kernel(x, x);
        long m = x.rows();
        return (k.sumNumber().doubleValue() - Nd4j.diag(k).sumNumber().doubleValue()) / (m * (m - 1));
    }

    private static INDArray kernel(INDArray x, INDArray y) {
        return Transforms.pow(x.mmul(y.transpose()).divi(x.columns()).addi(1), 3, false);
    }
}
