package creativeai.image;

import creativeai.Course;
import creativeai.data.AtomicFiles;
import creativeai.data.Mnist;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The judge of the image chapters: a small digit classifier (784 → 256 → 128 → 10, about 96 % right on MNIST's
 * test set) that scores generated digits. How sure it is of each, how many of the ten digits appear, and how far
 * its 128 features of generated digits lie from those of real ones ({@link FrechetDistance}). It is trained
 * once (about 20 s) and kept in {@code checkpoints/digit-classifier.zip}; {@link #fashion} is the same network
 * trained on Fashion-MNIST, the judge when a chapter draws clothes.
 */
public final class DigitClassifier {
    private static final int FEATURE_LAYER = 1;
    private final MultiLayerNetwork net;
    private final List<String> classNames;

    private DigitClassifier(MultiLayerNetwork net, List<String> classNames) {
        this.net = net;
        this.classNames = classNames;
    }

    /** The course's digit classifier: loaded from its checkpoint, or trained and saved when there is none. */
    public static DigitClassifier standard() {
        return cached("digit-classifier", () -> Mnist.Dataset.DIGITS.load(Mnist.Split.TRAIN), Mnist.Dataset.DIGITS.classNames());
    }

    /** The same classifier trained on Fashion-MNIST's ten kinds of clothes (about 85 % right on its test set). */
    public static DigitClassifier fashion() {
        return cached("fashion-classifier", () -> Mnist.Dataset.FASHION.load(Mnist.Split.TRAIN), Mnist.Dataset.FASHION.classNames());
    }

    /** The judge for a chapter's {@code DATASET}: the digit classifier, or the one that knows clothes. */
    public static DigitClassifier forDataset(Mnist.Dataset dataset) {
        return switch (dataset) {
            case DIGITS -> standard();
            case FASHION -> fashion();
        };
    }

    private static DigitClassifier cached(String name, java.util.function.Supplier<Mnist> images, List<String> classNames) {
        Path file = Course.home().resolve("checkpoints").resolve(name + ".zip");
        try {
            if (Files.isRegularFile(file)) return new DigitClassifier(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false), classNames);
            DigitClassifier trained = new DigitClassifier(train(images.get(), 2, 7).net, classNames);
            AtomicFiles.write(file, partial -> ModelSerializer.writeModel(trained.net, partial.toFile(), false));
            return trained;
        } catch (IOException e) {
            throw new UncheckedIOException("the classifier's checkpoint " + file + " cannot be used (" + e.getMessage()
                    + "): delete it and it will be trained again", e);
        }
    }

    /** What class {@code k} is called: "7", or "trouser". */
    public String className(int k) {
        return classNames.get(k);
    }

    public static DigitClassifier train(Mnist images, int epochs, long seed) {
        var conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.RELU).list()
                .layer(new DenseLayer.Builder().nIn(Mnist.PIXELS).nOut(256).activation(Activation.RELU).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(128).nOut(Mnist.CLASSES).activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSet all = images.first(images.size(), Mnist.Scale.ZERO_TO_ONE);
        int rows = all.numExamples();
        for (int epoch = 0; epoch < epochs; epoch++) {
            all.shuffle(seed + epoch);
            for (int from = 0; from < rows; from += 128) {
                var interval = NDArrayIndex.interval(from, Math.min(rows, from + 128));
                net.fit(all.getFeatures().get(interval, NDArrayIndex.all()), all.getLabels().get(interval, NDArrayIndex.all()));
            }
        }
        return new DigitClassifier(net, Mnist.Dataset.DIGITS.classNames());
    }

    /** Share of images whose most likely class is their label. */
    public double accuracy(DataSet labelled) {
        INDArray predicted = net.output(labelled.getFeatures()).argMax(1);
        return predicted.eq(labelled.getLabels().argMax(1)).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).meanNumber().doubleValue();
    }

    /** The most likely digit of each image (pixels in [0, 1], one image per row). */
    public int[] predict(INDArray images) {
        return net.output(check(images)).argMax(1).toIntVector();
    }

    /** The 128 features of the last hidden layer, for images with pixels in [0, 1], one per row. */
    public INDArray features(INDArray images) {
        return net.feedForwardToLayer(FEATURE_LAYER, check(images), false).get(FEATURE_LAYER + 1);
    }

    /**
     * What the judge thinks of a batch of images (pixels in [0, 1]), against real images' features. Diversity is
     * in two numbers: how many digits appear at all, and the entropy of how often each is drawn (log₂ 10 ≈ 3.32
     * bits when all ten are equally common, 0 when every image is the same digit).
     */
    public record Scores(double meanConfidence, int digitsCovered, double digitEntropyBits, double frechetDistance) {
    }

    public Scores score(INDArray images, INDArray realFeatures) {
        INDArray probabilities = net.output(check(images));
        double confidence = probabilities.max(1).meanNumber().doubleValue();
        int[] counts = new int[Mnist.CLASSES];
        for (int digit : probabilities.argMax(1).toIntVector()) counts[digit]++;
        double entropy = 0;
        int covered = 0;
        for (int count : counts) {
            if (count == 0) continue;
            covered++;
            double share = (double) count / images.rows();
            entropy -= share * Math.log(share) / Math.log(2);
        }
        return new Scores(confidence, covered, entropy, FrechetDistance.between(features(images), realFeatures));
    }

    private static INDArray check(INDArray images) {
        Mnist.requireRows(images, "the classifier");
        if (images.minNumber().doubleValue() < -0.01) {
            throw new IllegalArgumentException("pixels must be in [0, 1]; these go down to " + images.minNumber()
                    + " (a tanh generator's [-1, 1]: add 1 and halve)");
        }
        return images;
    }
}
