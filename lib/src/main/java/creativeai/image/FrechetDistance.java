package creativeai.image;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The Fréchet distance between two clouds of feature vectors, each summed up as a Gaussian (mean and
 * covariance): |μ₁ − μ₂|² + Tr(Σ₁ + Σ₂ − 2 (Σ₁^½ Σ₂ Σ₁^½)^½). With a classifier's features of real and generated
 * images it is the FID idea (Heusel et al., 2017) on a small scale: 0 means the same distribution. Written
 * with ND4J's symmetric eigendecomposition, as ND4J has no matrix square root.
 */
public final class FrechetDistance {
    private FrechetDistance() {
    }

    /** Rows are samples, columns features; both need more rows than a handful. */
    public static double between(INDArray a, INDArray b) {
        if (a.columns() != b.columns()) throw new IllegalArgumentException(a.columns() + " features against " + b.columns());
        if (a.rows() < 2 || b.rows() < 2) throw new IllegalArgumentException("need at least 2 samples on each side");
        INDArray x = a.castTo(DataType.DOUBLE), y = b.castTo(DataType.DOUBLE);
        INDArray meanX = x.mean(0), meanY = y.mean(0);
        INDArray covX = covariance(x, meanX), covY = covariance(y, meanY);
        INDArray rootX = symmetricSqrt(covX);
        INDArray middle = rootX.mmul(covY).mmul(rootX);
        middle = middle.add(middle.transpose()).divi(2); // symmetric up to rounding
        double traceRoot = Transforms.sqrt(Transforms.relu(eigenvalues(middle), false), false).sumNumber().doubleValue();
        double meanGap = meanX.sub(meanY).norm2Number().doubleValue();
        return meanGap * meanGap + trace(covX) + trace(covY) - 2 * traceRoot;
    }

    private static double trace(INDArray square) {
        return Nd4j.diag(square).sumNumber().doubleValue();
    }

    private static INDArray covariance(INDArray samples, INDArray mean) {
        INDArray centred = samples.subRowVector(mean);
        return centred.transpose().mmul(centred).divi(samples.rows() - 1);
    }

    private static INDArray eigenvalues(INDArray symmetric) {
        return Eigen.symmetricGeneralizedEigenvalues(symmetric.dup(), false);
    }

    private static INDArray symmetricSqrt(INDArray symmetric) {
        INDArray vectors = symmetric.dup();
        INDArray values = Eigen.symmetricGeneralizedEigenvalues(vectors, true); // vectors now holds the eigenvectors
        INDArray roots = Transforms.sqrt(Transforms.relu(values, false), false);
        return vectors.mulRowVector(roots).mmul(vectors.transpose());
    }
}
