package creativeai.sequence;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What the {@link Trainer}, {@link BitsPerToken} and the {@link Sampler} need from a language model, whatever it
 * is inside: a step of learning on a batch of {@link TokenWindows}, next-token probabilities for whole windows,
 * a reader that is fed tokens one after another while writing, and a checkpoint. Chapter 2's LSTM
 * ({@link #of(MultiLayerNetwork)}) and chapter 6's Transformer ({@link GraphTokenModel}) both are one.
 */
public interface NextTokenModel {
    int vocabularySize();

    /** One optimiser step on a batch of one-hot windows and labels ({@code [batch, vocabulary, time]}); its loss in bits per token. */
    double learn(DataSet batch);

    /** Next-token probabilities, {@code [batch, vocabulary, time]}, for one-hot windows of the same shape. */
    INDArray probabilities(INDArray windows);

    /** A fresh reader, for writing one token at a time. */
    Reader reader();

    /** Saves the model with its history, atomically, so training can resume from the file; returns the file. */
    Path save(TrainingHistory history, Path file) throws IOException;

    /** Reads tokens in order and says what it expects next; each reader starts from an empty text. */
    interface Reader {
        /** Feeds {@code tokens} after those read so far; returns the probabilities of the token after the last. */
        double[] read(int[] tokens);
    }

    /** Chapter 2's recurrent network as a next-token model. */
    static NextTokenModel of(MultiLayerNetwork net) {
        return new RecurrentModel(net);
    }
}
