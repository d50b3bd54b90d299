package creativeai.sequence;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.util.Iterator;

/**
 * How surprised a model is by text it did not train on, in bits per token: the mean of −log₂ p(next token).
 * Lower is better; a model that learned nothing scores about log₂(vocabulary), and the unigram baseline
 * (every token drawn with its corpus frequency, ignoring context) is the bar a real model must clear.
 */
public final class BitsPerToken {
    private BitsPerToken() {
    }

    /** The network's bits per token over every window of {@code heldOut}. */
    public static double of(MultiLayerNetwork net, TokenWindows heldOut, int batchSize) {
        return of(NextTokenModel.of(net), heldOut, batchSize);
    }

    /** The model's bits per token over every window of {@code heldOut}. */
    public static double of(NextTokenModel model, TokenWindows heldOut, int batchSize) {
        double bits = 0;
        long count = 0;
        for (Iterator<DataSet> it = heldOut.inOrder(batchSize); it.hasNext(); ) {
            DataSet batch = it.next();
            INDArray probabilities = model.probabilities(batch.getFeatures());
            INDArray chosen = probabilities.muli(batch.getLabels()).sum(1); // [batch, time]: p of the true next token
            bits -= Transforms.log(Transforms.max(chosen, 1e-12, false), false).sumNumber().doubleValue() / Math.log(2);
            count += chosen.length();
            probabilities.close();
            chosen.close();
            Trainer.release(batch);
        }
        return bits / count;
    }

    /** The unigram baseline: token frequencies counted on {@code training} (add-one smoothed), scored on {@code heldOut}. */
    public static double unigram(int[] training, int[] heldOut, int vocabularySize) {
        double[] counts = new double[vocabularySize];
        java.util.Arrays.fill(counts, 1);
        for (int token : training) counts[token]++;
        double total = training.length + vocabularySize;
        double bits = 0;
        for (int token : heldOut) bits -= Math.log(counts[token] / total) / Math.log(2);
        return bits / heldOut.length;
    }
}
