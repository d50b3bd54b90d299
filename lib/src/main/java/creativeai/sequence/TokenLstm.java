package creativeai.sequence;

import creativeai.training.ModelOptions;
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

    /**
     * The sizes and training settings of a {@link #network}, named, with chapter 2's full-mode values as defaults:
     * {@code TokenLstm.options().hidden(64).layers(1)}.
     */
    public static final class Options extends ModelOptions<Options> {
        private int hidden = 256;
        private int layers = 2;
        private int tbptt = 25;

        private Options() {
            super(3e-3);
        }

        /** LSTM units in each layer (default 256). */
        public Options hidden(int units) {
            if (units < 1) throw new IllegalArgumentException("an LSTM layer needs at least 1 unit, not " + units);
            hidden = units;
            return this;
        }

        /** Stacked LSTM layers (default 2). */
        public Options layers(int count) {
            if (count < 1) throw new IllegalArgumentException("the model needs at least 1 LSTM layer, not " + count);
            layers = count;
            return this;
        }

        /** Steps gradients flow back through (default 25); the LSTM's memory still carries across the whole window. */
        public Options tbptt(int steps) {
            if (steps < 1) throw new IllegalArgumentException("gradients must flow back at least 1 step, not " + steps);
            tbptt = steps;
            return this;
        }

        public int hidden() {
            return hidden;
        }

        public int layers() {
            return layers;
        }

        public int tbptt() {
            return tbptt;
        }

        @Override
        public String toString() {
            return String.format("%d × %d LSTM units, TBPTT %d, learning rate %.0e, seed %d", layers, hidden, tbptt, learningRate(), seed());
        }
    }

    /** Chapter 2's settings, to change by name. */
    public static Options options() {
        return new Options();
    }

    /** A model for {@code vocabularySize} tokens with the given sizes and settings. */
    public static MultiLayerNetwork network(int vocabularySize, Options options) {
        int hidden = options.hidden, layers = options.layers, tbptt = options.tbptt;
        var builder = new NeuralNetConfiguration.Builder()
                .seed(options.seed())
                .updater(new Adam(options.learningRate()))
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
