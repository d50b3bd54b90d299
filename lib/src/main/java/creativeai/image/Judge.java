package creativeai.image;

import creativeai.data.Mnist;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A {@link DigitClassifier} with a set of real images to compare generated ones with: everything the image chapters
 * measure about a batch of samples, in one {@link Scores}. Made by {@link DigitClassifier#against}; the real images'
 * features and their outline ({@link PrecisionRecall}) are computed once.
 */
public final class Judge {
    private final DigitClassifier classifier;
    private final INDArray realFeatures;
    private final PrecisionRecall realOutline;
    private final double featureScale;
    private final INDArray realFeaturesScaled;

    Judge(DigitClassifier classifier, INDArray realImages) {
        this.classifier = classifier;
        this.realFeatures = classifier.features(realImages);
        this.realOutline = PrecisionRecall.outline(realFeatures);
        this.featureScale = Math.sqrt(realFeatures.mul(realFeatures).meanNumber().doubleValue());
        this.realFeaturesScaled = realFeatures.div(featureScale);
    }

    /** The classifier that judges. */
    public DigitClassifier classifier() {
        return classifier;
    }

    /**
     * What the judge thinks of a batch of images (pixels in [0, 1]), against the real images. Diversity is in two
     * numbers: how many classes appear at all, and the entropy of how often each is drawn (log₂ 10 ≈ 3.32 bits when
     * all ten are equally common, 0 when every image is the same class). Distances are in the judge's features: the
     * Fréchet distance, the kernel distance (KID, on features divided by the real ones' root-mean-square, the scale of
     * about 1 its kernel expects), and precision and recall with {@value PrecisionRecall#NEIGHBOURS} neighbours.
     */
    public record Scores(double meanConfidence, int classesCovered, double classEntropyBits, double frechetDistance,
                         double kernelDistance, double precision, double recall) {
    }

    /** Scores {@code images}, pixels in [0, 1], one per row. */
    public Scores score(INDArray images) {
        DigitClassifier.Reading reading = classifier.read(images);
        INDArray probabilities = reading.probabilities();
        double confidence = probabilities.max(1).meanNumber().doubleValue();
        int[] counts = new int[Mnist.CLASSES];
        for (int k : probabilities.argMax(1).toIntVector()) counts[k]++;
        double entropy = 0;
        int covered = 0;
        for (int count : counts) {
            if (count == 0) continue;
            covered++;
            double share = (double) count / images.rows();
            entropy -= share * Math.log(share) / Math.log(2);
        }
        INDArray features = reading.features();
        return new Scores(confidence, covered, entropy, FrechetDistance.between(features, realFeatures),
                KernelDistance.between(features.div(featureScale), realFeaturesScaled),
                realOutline.precision(features), realOutline.recall(features));
    }

    /** Just the Fréchet distance of {@code images}: what a training run tracks after every round. */
    public double frechetDistance(INDArray images) {
        return FrechetDistance.between(classifier.features(images), realFeatures);
    }
}
