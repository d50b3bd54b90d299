package creativeai.image;

import creativeai.data.Mnist;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The VAE, trained briefly, reconstructs and samples digits the classifier recognises; an untrained one does not. */
class VaeTest {
    @Test
    void aTrainedVaeSamplesDigitsAndItsElboImproves() {
        DataSet test = Mnist.load(Mnist.Split.TEST).first(2000, Mnist.Scale.ZERO_TO_ONE);
        DigitClassifier judge = DigitClassifier.train(Mnist.load(Mnist.Split.TRAIN), 1, 7);
        INDArray realFeatures = judge.features(test.getFeatures().get(NDArrayIndex.interval(0, 1000), NDArrayIndex.all()));
        INDArray heldOut = test.getFeatures().get(NDArrayIndex.interval(1000, 1500), NDArrayIndex.all());

        Nd4j.getRandom().setSeed(1);
        Vae vae = new Vae(Vae.network(16, 1));
        INDArray prior = vae.noise(500);
        var untrained = judge.score(vae.draw(prior), realFeatures);
        double untrainedLoss = negativeElbo(vae, heldOut);
        INDArray train = Mnist.load(Mnist.Split.TRAIN).first(60000, Mnist.Scale.ZERO_TO_ONE).getFeatures();
        Random random = new Random(3);
        for (int step = 0; step < 800; step++) {
            int start = random.nextInt(60000 - 64);
            vae.learn(train.get(NDArrayIndex.interval(start, start + 64), NDArrayIndex.all()));
        }
        var trained = judge.score(vae.draw(prior), realFeatures);
        assertTrue(trained.frechetDistance() < untrained.frechetDistance() / 3, "Fréchet " + trained + " vs untrained " + untrained);
        assertTrue(trained.digitsCovered() >= 8 && untrained.digitsCovered() <= 3, "digits " + trained + " vs untrained " + untrained);
        double trainedLoss = negativeElbo(vae, heldOut);
        assertTrue(trainedLoss < 0.4 * untrainedLoss, "held-out negative ELBO " + trainedLoss + " vs untrained " + untrainedLoss);

        int[] digits = judge.predict(heldOut);
        int[] reconstructed = judge.predict(vae.draw(vae.encode(heldOut)));
        int same = 0;
        for (int i = 0; i < digits.length; i++) if (digits[i] == reconstructed[i]) same++;
        assertTrue(same > 0.7 * digits.length, same + " of " + digits.length + " reconstructions are judged the same digit");
    }

    /** The KL term computed by the Vae and the reconstruction term (what DL4J reports minus KL) add up to DL4J's score. */
    @Test
    void theTwoTermsAddUpToTheLayersLossAndKlIsNeverNegative() {
        Vae vae = new Vae(Vae.network(4, 2));
        INDArray batch = Nd4j.rand(32, 784);
        double kl = vae.klDivergence(batch);
        assertTrue(kl >= 0, "KL " + kl);
        double[] terms = vae.learn(batch);
        assertEquals(kl, terms[1], 1e-6);
        double[] heldOut = vae.lossTerms(batch);
        assertEquals(terms[0], heldOut[0], 0.05 * terms[0], "one sampled z per image, so close but not equal");
        assertTrue(terms[0] > 400, "a random network reconstructs 784 random pixels badly: " + terms[0] + " nats");
    }

    @Test
    void imagesOutOfRangeOrShapeAndPointsOfTheWrongSizeAreClearErrors() {
        Vae vae = new Vae(Vae.network(2, 1));
        var range = assertThrows(IllegalArgumentException.class, () -> vae.learn(Nd4j.rand(4, 784).subi(0.5)));
        assertTrue(range.getMessage().contains("ZERO_TO_ONE"), range.getMessage());
        var shape = assertThrows(IllegalArgumentException.class, () -> vae.encode(Nd4j.rand(4, 28, 28)));
        assertTrue(shape.getMessage().contains("[n, 784]"), shape.getMessage());
        var points = assertThrows(IllegalArgumentException.class, () -> vae.draw(Nd4j.rand(4, 16)));
        assertTrue(points.getMessage().contains("[n, 2]"), points.getMessage());
        var network = assertThrows(IllegalArgumentException.class, () -> new Vae(MlpGan.generator(8, 1)));
        assertTrue(network.getMessage().contains("Vae.network"), network.getMessage());
    }

    private static double negativeElbo(Vae vae, INDArray images) {
        double[] terms = vae.lossTerms(images);
        return terms[0] + terms[1];
    }
}
