package creativeai.image;

import creativeai.data.Mnist;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DigitClassifierTest {
    @Tag("slow")
    @Test
    void theConvolutionalJudgeIsRightOnNinetyNineTestDigitsInAHundred() {
        DataSet test = Mnist.Dataset.DIGITS.load(Mnist.Split.TEST).first(10_000, Mnist.Scale.ZERO_TO_ONE);
        double convolutional = DigitClassifier.standard().accuracy(test);
        double dense = DigitClassifier.forDataset(Mnist.Dataset.DIGITS, DigitClassifier.Kind.DENSE).accuracy(test);
        assertTrue(convolutional >= 0.99, "the convolutional judge: " + convolutional);
        assertTrue(dense >= 0.95 && dense < convolutional, "the MLP judge: " + dense);
    }

    @Tag("slow")
    @Test
    void theClothesJudgeIsRightOnNineTestClothesInTen() {
        DataSet test = Mnist.Dataset.FASHION.load(Mnist.Split.TEST).first(10_000, Mnist.Scale.ZERO_TO_ONE);
        DigitClassifier judge = DigitClassifier.forDataset(Mnist.Dataset.FASHION);
        assertTrue(judge.accuracy(test) >= 0.90, "the convolutional clothes judge: " + judge.accuracy(test));
        assertEquals("trouser", judge.className(1));
    }

    @Tag("slow")
    @Test
    void realTestDigitsScoreFarBetterThanNoiseUnderBothJudges() {
        var test = Mnist.Dataset.DIGITS.load(Mnist.Split.TEST).first(2_000, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        JudgePanel panel = JudgePanel.forDataset(Mnist.Dataset.DIGITS, test.get(NDArrayIndex.interval(0, 1_000), NDArrayIndex.all()));
        var real = panel.score(test.get(NDArrayIndex.interval(1_000, 2_000), NDArrayIndex.all()));
        Nd4j.getRandom().setSeed(3);
        var noise = panel.score(Nd4j.rand(500, Mnist.PIXELS));
        assertEquals(10, real.convolutional().classesCovered());
        assertTrue(real.convolutional().precision() > 0.8 && real.convolutional().recall() > 0.8, real.toString());
        assertTrue(noise.convolutional().precision() < 0.05, noise.toString());
        assertTrue(noise.convolutional().frechetDistance() > 10 * real.convolutional().frechetDistance(), real + " against " + noise);
        assertTrue(noise.dense().frechetDistance() > 10 * real.dense().frechetDistance(), real + " against " + noise);
        assertTrue(noise.convolutional().kernelDistance() > 10 * Math.abs(real.convolutional().kernelDistance()), real + " against " + noise);
    }

    @Test
    void askingForNoDatasetSaysWhatThereIs() {
        var e = assertThrows(IllegalArgumentException.class, () -> DigitClassifier.forDataset(null));
        assertTrue(e.getMessage().contains("DIGITS") && e.getMessage().contains("FASHION"), e.getMessage());
    }

    @Test
    void disagreementsNameThePairsThatFlip() {
        var a = new JudgePanel.Verdict(scores(10), scores(5));
        var b = new JudgePanel.Verdict(scores(20), scores(4));
        var c = new JudgePanel.Verdict(scores(30), scores(40));
        var flips = JudgePanel.disagreements(new java.util.LinkedHashMap<>(java.util.Map.of("A", a, "B", b, "C", c)));
        assertEquals(1, flips.size(), flips.toString());
        assertTrue(flips.get(0).contains("puts A ahead of B"), flips.get(0));
    }

    private static Judge.Scores scores(double frechet) {
        return new Judge.Scores(0.9, 10, 3.3, frechet, 0, 1, 1);
    }
}
