package creativeai.data;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Handwritten digits (MNIST) or clothes (Fashion-MNIST): 28×28 grey images with labels 0–9, 60,000 for
 * training and 10,000 for testing, from the course data. Pixels come as numbers in [0, 1] or [-1, 1] (what a
 * tanh generator draws).
 */
public final class Mnist {
    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;

    /** Which half of MNIST. */
    public enum Split { TRAIN, TEST }

    /** How pixel values are scaled. */
    public enum Scale {
        ZERO_TO_ONE, MINUS_ONE_TO_ONE
    }

    private final byte[] pixels;
    private final byte[] labels;
    private final int count;

    private Mnist(byte[] pixels, byte[] labels, int count) {
        this.pixels = pixels;
        this.labels = labels;
        this.count = count;
    }

    /** The label names of Fashion-MNIST, by label. */
    public static final java.util.List<String> FASHION_CLASSES = java.util.List.of("T-shirt/top", "trouser", "pullover",
            "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle boot");

    /** Which set of images in MNIST's format a chapter learns from: handwritten digits, or Fashion-MNIST's clothes. */
    public enum Dataset {
        DIGITS("mnist", java.util.stream.IntStream.range(0, CLASSES).mapToObj(String::valueOf).toList()),
        FASHION("fashion-mnist", FASHION_CLASSES);

        private final String prefix;
        private final java.util.List<String> classNames;

        Dataset(String prefix, java.util.List<String> classNames) {
            this.prefix = prefix;
            this.classNames = classNames;
        }

        public Mnist load(Split split) {
            return Mnist.load(DataStore.standard(), prefix, split);
        }

        /** The images' name in datasets/MANIFEST, which provenance records cite: {@code "fashion-mnist-train-images"}. */
        public String manifestName(Split split) {
            return prefix + "-" + (split == Split.TRAIN ? "train" : "test") + "-images";
        }

        /** The label names, by label: "0" to "9", or "T-shirt/top" to "ankle boot". */
        public java.util.List<String> classNames() {
            return classNames;
        }
    }

    /**
     * The images, if they are rows of {@link #PIXELS} pixels (one 28×28 image per row) as the image models read
     * them; otherwise an error naming {@code reader} (e.g. "the VAE") and the shape to reshape to.
     */
    public static INDArray requireRows(INDArray images, String reader) {
        if (images.rank() != 2 || images.columns() != PIXELS) {
            throw new IllegalArgumentException(reader + " reads images as rows of 784 pixels (28×28), not an array shaped "
                    + java.util.Arrays.toString(images.shape()) + ": reshape them to [n, 784]");
        }
        return images;
    }

    /** The handwritten digits: {@code Dataset.DIGITS.load(split)}. */
    public static Mnist load(Split split) {
        return Dataset.DIGITS.load(split);
    }

    /** Fashion-MNIST's clothes: {@code Dataset.FASHION.load(split)}. */
    public static Mnist fashion(Split split) {
        return Dataset.FASHION.load(split);
    }

    /** Loads an image set in MNIST's format ("mnist" or "fashion-mnist") from a store. */
    public static Mnist load(DataStore store, String prefix, Split split) {
        String part = split == Split.TRAIN ? "train" : "test";
        try {
            IdxReader.Idx images = IdxReader.read(store.path(prefix + "-" + part + "-images"));
            IdxReader.Idx labels = IdxReader.read(store.path(prefix + "-" + part + "-labels"));
            if (images.count() != labels.count() || images.dimensions().length != 3
                    || images.dimensions()[1] != SIDE || images.dimensions()[2] != SIDE) {
                throw new DataException(prefix + " " + part + ": images and labels do not match (" + images.count()
                        + " images, " + labels.count() + " labels)");
            }
            return new Mnist(images.data(), labels.data(), images.count());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int size() {
        return count;
    }

    public int label(int index) {
        return labels[index];
    }

    /** The first {@code n} images (n × 784) and one-hot labels (n × 10), pixels scaled as asked. */
    public DataSet first(int n, Scale scale) {
        int rows = Math.min(n, count);
        float[] x = new float[rows * PIXELS];
        float[] y = new float[rows * CLASSES];
        for (int i = 0; i < rows * PIXELS; i++) {
            float v = (pixels[i] & 0xff) / 255f;
            x[i] = scale == Scale.ZERO_TO_ONE ? v : 2 * v - 1;
        }
        for (int r = 0; r < rows; r++) y[r * CLASSES + labels[r]] = 1;
        return new DataSet(Nd4j.create(x, rows, PIXELS), Nd4j.create(y, rows, CLASSES));
    }

    /** One image as a 28×28 array with pixels in [0, 1]. */
    public INDArray image(int index) {
        float[] x = new float[PIXELS];
        for (int i = 0; i < PIXELS; i++) x[i] = (pixels[index * PIXELS + i] & 0xff) / 255f;
        return Nd4j.create(x, SIDE, SIDE);
    }
}
