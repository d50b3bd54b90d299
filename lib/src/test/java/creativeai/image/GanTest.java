package creativeai.image;

import creativeai.data.Mnist;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The MLP GAN, trained briefly, draws digits the classifier recognises; an untrained generator does not. */
class GanTest {
    /**
     * Drawing frees its working arrays at once: they are off-heap, and the collector, which sees only their small Java
     * wrappers, left 3 MB per 500 images behind (measured as resident memory that grew by that much per call).
     */
    @Tag("slow")
    @Test
    void drawingFreesItsWorkingArrays() {
        var gan = new GanTraining(MlpGan.generator(64, 1), MlpGan.discriminator(2));
        INDArray noise = gan.noise(500);
        for (int i = 0; i < 5; i++) gan.draw(noise).close();
        long before = org.bytedeco.javacpp.Pointer.physicalBytes();
        for (int i = 0; i < 60; i++) gan.draw(noise).close();
        double grownMb = (org.bytedeco.javacpp.Pointer.physicalBytes() - before) / 1e6;
        assertTrue(grownMb < 60, "resident memory grew by " + grownMb + " MB over 60 draws of 500 images");
    }

    @Tag("slow")
    @Test
    void aTrainedGeneratorBeatsAnUntrainedOneOnTheClassifiersMeasures() {
        DataSet test = Mnist.load(Mnist.Split.TEST).first(2000, Mnist.Scale.ZERO_TO_ONE);
        Judge judge = DigitClassifier.train(Mnist.load(Mnist.Split.TRAIN), DigitClassifier.Kind.DENSE, 1, 7).against(test.getFeatures());
        assertTrue(judge.classifier().accuracy(test) > 0.93, "classifier accuracy " + judge.classifier().accuracy(test));

        Nd4j.getRandom().setSeed(1);
        var generator = MlpGan.generator(64, 1);
        var gan = new GanTraining(generator, MlpGan.discriminator(2));
        INDArray fixedNoise = gan.noise(500);
        var untrained = judge.score(GanTraining.draw(generator, fixedNoise));
        INDArray real = Mnist.load(Mnist.Split.TRAIN).first(60000, Mnist.Scale.MINUS_ONE_TO_ONE).getFeatures();
        Random random = new Random(3);
        for (int step = 0; step < 1200; step++) {
            int start = random.nextInt(60000 - 64);
            gan.step(real.get(NDArrayIndex.interval(start, start + 64), NDArrayIndex.all()));
        }
        var trained = judge.score(GanTraining.draw(generator, fixedNoise));
        assertTrue(trained.frechetDistance() < untrained.frechetDistance() / 3, "Fréchet " + trained + " vs untrained " + untrained);
        assertTrue(trained.classesCovered() >= 8 && untrained.classesCovered() <= 3, "digits " + trained + " vs untrained " + untrained);
    }

    @Test
    void imagesOfTheWrongShapeOrRangeAreClearErrors() {
        DigitClassifier judge = DigitClassifier.train(Mnist.load(Mnist.Split.TEST), DigitClassifier.Kind.DENSE, 1, 1);
        var shape = assertThrows(IllegalArgumentException.class, () -> judge.features(Nd4j.zeros(4, 28, 28)));
        assertTrue(shape.getMessage().contains("[n, 784]"), shape.getMessage());
        var range = assertThrows(IllegalArgumentException.class, () -> judge.features(Nd4j.ones(4, 784).neg()));
        assertTrue(range.getMessage().contains("add 1 and halve"), range.getMessage());
    }
}
