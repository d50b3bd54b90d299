package creativeai.sequence;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The language model of the text and music chapters, in one place to read: tokens come in one-hot, pass
 * through stacked LSTM layers, and a softmax layer gives the probability of every possible next token.
 * Training uses Adam, clips each gradient value to ±1 (LSTMs otherwise blow up now and then), and
 * truncated backpropagation through time: gradients flow back {@code tbptt} steps, while the LSTM's memory
 * carries on across the whole window.
 */
public final class TokenLstm {
    private TokenLstm() {
    }

    /** A model with the given sizes; {@code hidden} units in each of {@code layers} LSTM layers. */
    public static MultiLayerNetwork network(int vocabularySize, int hidden, int layers, int tbptt, double learningRate, long seed) {
        var builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .gradientNormalization(GradientNormalization.ClipElementWiseAbsoluteValue)
                .gradientNormalizationThreshold(1.0)
                .list();
        int in = vocabularySize;
        for (int layer = 0; layer < layers; layer++) {
            builder.layer(new LSTM.Builder().nIn(in).nOut(hidden).activation(Activation.TANH).build());
            in = hidden;
        }
        builder.layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(hidden).nOut(vocabularySize).activation(Activation.SOFTMAX).build());
        var conf = builder.backpropType(BackpropType.TruncatedBPTT).tBPTTLength(tbptt).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
