package creativeai.image;

import creativeai.Course;
import creativeai.data.AtomicFiles;
import creativeai.data.Mnist;
import creativeai.training.Budget;
import creativeai.training.ProgressListener;
import creativeai.training.TrainingLoop;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.schedule.ExponentialSchedule;
import org.nd4j.linalg.schedule.ScheduleType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A judge of the image chapters: a classifier of MNIST's digits (or Fashion-MNIST's clothes) whose verdicts and
 * internal features score generated images ({@link Judge}). Two kinds: the {@link Kind#CONVOLUTIONAL convolutional}
 * judge (LeNet-like, about 99 % right on MNIST's test set), the one chapters rely on, and the {@link Kind#DENSE MLP}
 * judge (784 → 256 → 128 → 10, about 96 %), a second opinion. Each is trained once (the convolutional one in about a
 * minute and a half) and kept in {@code checkpoints/}; the features of its last hidden layer, 128 numbers, feed the Fréchet
 * distance.
 */
public final class DigitClassifier {
    /** The two networks a judge can be. */
    public enum Kind {
        /** Two convolutions with max pooling, then 128 features: sees strokes and their arrangement. */
        CONVOLUTIONAL("convolutional judge"),
        /** Two dense layers on the raw pixels, the last of 128 features. */
        DENSE("MLP judge");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final int BATCH = 64;
    private static final int SLICE = 250;
    private final MultiLayerNetwork net;
    private final Kind kind;
    private final List<String> classNames;

    private DigitClassifier(MultiLayerNetwork net, Kind kind, List<String> classNames) {
        this.net = net;
        this.kind = kind;
        this.classNames = classNames;
    }

    /** The course's convolutional digit judge: loaded from its checkpoint, or trained and saved when there is none. */
    public static DigitClassifier standard() {
        return forDataset(Mnist.Dataset.DIGITS, Kind.CONVOLUTIONAL);
    }

    /** The convolutional judge for a chapter's {@code DATASET}: digits or clothes. */
    public static DigitClassifier forDataset(Mnist.Dataset dataset) {
        return forDataset(dataset, Kind.CONVOLUTIONAL);
    }

    /** The judge of this kind for {@code dataset}, trained the first time it is asked for. */
    public static DigitClassifier forDataset(Mnist.Dataset dataset, Kind kind) {
        if (dataset == null || kind == null) {
            throw new IllegalArgumentException("a judge needs a dataset (" + List.of(Mnist.Dataset.values()) + ") and a kind (" + List.of(Kind.values()) + ")");
        }
        Path file = Course.home().resolve("checkpoints").resolve(String.format("judge-%s-%s.zip",
                dataset.name().toLowerCase(), kind == Kind.CONVOLUTIONAL ? "convolutional" : "mlp"));
        try {
            if (Files.isRegularFile(file)) return new DigitClassifier(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false), kind, dataset.classNames());
            DigitClassifier trained = train(dataset.load(Mnist.Split.TRAIN), kind, dataset == Mnist.Dataset.FASHION ? 3 : 2, 7);
            AtomicFiles.write(file, partial -> ModelSerializer.writeModel(trained.net, partial.toFile(), false));
            return new DigitClassifier(trained.net, kind, dataset.classNames());
        } catch (IOException e) {
            throw new UncheckedIOException("the judge's checkpoint " + file + " cannot be used (" + e.getMessage()
                    + "): delete it and it will be trained again", e);
        }
    }

    /** Trains a judge of this kind on {@code images}, {@code epochs} passes of batches of 64 with a progress bar. */
    static DigitClassifier train(Mnist images, Kind kind, int epochs, long seed) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(kind, seed, images.size() / BATCH));
        net.init();
        DataSet all = images.first(images.size(), Mnist.Scale.ZERO_TO_ONE);
        int rows = all.numExamples(), steps = (rows + BATCH - 1) / BATCH;
        TrainingLoop.of("training the " + kind + " once", steps, (epoch, step) -> {
            if (step == 0) all.shuffle(seed + epoch);
            var interval = NDArrayIndex.interval(step * BATCH, Math.min(rows, (step + 1) * BATCH));
            net.fit(all.getFeatures().get(interval, NDArrayIndex.all()), all.getLabels().get(interval, NDArrayIndex.all()));
            return new double[] {net.score()};
        }, "cross-entropy").budget(Budget.rounds(epochs)).listen(new ProgressListener()).run();
        return new DigitClassifier(net, kind, Mnist.Dataset.DIGITS.classNames());
    }

    /** Adam from 2·10⁻³, halved each epoch: two epochs on digits, three on clothes. */
    private static org.deeplearning4j.nn.conf.MultiLayerConfiguration configuration(Kind kind, long seed, int stepsPerEpoch) {
        var layers = new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.RELU)
                .updater(new Adam(new ExponentialSchedule(ScheduleType.ITERATION, 2e-3, Math.pow(0.5, 1.0 / stepsPerEpoch)))).list();
        if (kind == Kind.CONVOLUTIONAL) {
            layers.layer(new ConvolutionLayer.Builder(5, 5).nOut(32).activation(Activation.RELU).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build())
                    .layer(new ConvolutionLayer.Builder(5, 5).nOut(64).activation(Activation.RELU).build())
                    .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2).build());
        } else {
            layers.layer(new DenseLayer.Builder().nOut(256).activation(Activation.RELU).build());
        }
        return layers.layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(Mnist.CLASSES).activation(Activation.SOFTMAX).build())
                .setInputType(InputType.convolutionalFlat(Mnist.SIDE, Mnist.SIDE, 1))
                .build();
    }

    /** Which network this judge is. */
    public Kind kind() {
        return kind;
    }

    /** What class {@code k} is called: "7", or "trouser". */
    public String className(int k) {
        return classNames.get(k);
    }

    /** Share of images whose most likely class is their label. */
    public double accuracy(DataSet labelled) {
        INDArray predicted = probabilities(labelled.getFeatures()).argMax(1);
        return predicted.eq(labelled.getLabels().argMax(1)).castTo(DataType.FLOAT).meanNumber().doubleValue();
    }

    /** The most likely class of each image (pixels in [0, 1], one image per row). */
    public int[] predict(INDArray images) {
        return probabilities(images).argMax(1).toIntVector();
    }

    /** Each image's probability of each class (pixels in [0, 1], one image per row). */
    public INDArray probabilities(INDArray images) {
        return read(images).probabilities();
    }

    /** The 128 features of the last hidden layer, for images with pixels in [0, 1], one per row. */
    public INDArray features(INDArray images) {
        return read(images).features();
    }

    /** What one pass through the network gives for a batch of images: the features and the class probabilities. */
    record Reading(INDArray features, INDArray probabilities) {
    }

    /**
     * One pass over {@code images} (pixels in [0, 1], one per row), {@link #SLICE} at a time: a convolution's
     * activations for 10,000 images at once would take 0.7 GB, a slice's 20 MB.
     */
    Reading read(INDArray images) {
        check(images);
        int featureLayer = net.getnLayers() - 2;
        INDArray both = RowGroups.apply(images, SLICE, slice -> {
            List<INDArray> activations = net.feedForward(slice, false);   // the input, then each layer's output
            return org.nd4j.linalg.factory.Nd4j.hstack(activations.get(featureLayer + 1), activations.get(featureLayer + 2));
        });
        long features = both.columns() - Mnist.CLASSES;
        return new Reading(both.get(NDArrayIndex.all(), NDArrayIndex.interval(0, features)),
                both.get(NDArrayIndex.all(), NDArrayIndex.interval(features, both.columns())));
    }

    /** A judge of generated images: this classifier, and these real images' features to compare with. */
    public Judge against(INDArray realImages) {
        return new Judge(this, realImages);
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
