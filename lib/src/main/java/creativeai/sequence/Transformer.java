package creativeai.sequence;

import creativeai.training.ModelOptions;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Chapter 6's small GPT-style character model as a SameDiff graph, the same one the notebook writes cell by
 * cell, kept here for the tests and the benchmark. One-hot tokens times an embedding matrix, plus a learned
 * embedding per position; {@code layers} blocks of causal multi-head self-attention and a two-layer MLP
 * (GELU, four times as wide), each added to its input (residual) after a layer norm (pre-norm); a final layer
 * norm and a linear head give the logits, and a log-softmax the log-probabilities; the loss is their
 * cross-entropy, written out. Embedding lookups are one-hot matrix
 * products: SameDiff's {@code gather} trains pathologically slowly in ND4J 1.0.0-M2.1. Parts are named as
 * {@link GraphTokenModel} expects.
 */
public final class Transformer {
    private Transformer() {
    }

    /**
     * The sizes and training settings of a {@link #model}, named, with chapter 6's values as defaults (its QUICK
     * learning rate, 3e-3; its full mode takes 5e-3, and so do the benchmarks, which read the chapter's settings):
     * {@code Transformer.options().width(96).layers(3)}. The width must split evenly into the heads.
     */
    public static final class Options extends ModelOptions<Options> {
        private int context = 64;
        private int width = 64;
        private int heads = 4;
        private int layers = 2;

        private Options() {
            super(3e-3);
        }

        /** Tokens the model reads at once (default 64); each position has its own learned embedding. */
        public Options context(int tokens) {
            if (tokens < 2) throw new IllegalArgumentException("the context must hold at least 2 tokens, not " + tokens);
            context = tokens;
            return this;
        }

        /** Numbers describing each position, d (default 64). */
        public Options width(int d) {
            if (d < 1) throw new IllegalArgumentException("the width must be positive, not " + d);
            width = d;
            return this;
        }

        /** Attention heads per block (default 4), each looking with {@code width / heads} numbers. */
        public Options heads(int count) {
            if (count < 1) throw new IllegalArgumentException("a block needs at least 1 attention head, not " + count);
            heads = count;
            return this;
        }

        /** Transformer blocks, each attention then an MLP (default 2). */
        public Options layers(int count) {
            if (count < 1) throw new IllegalArgumentException("the model needs at least 1 block, not " + count);
            layers = count;
            return this;
        }

        public int context() {
            return context;
        }

        public int width() {
            return width;
        }

        public int heads() {
            return heads;
        }

        public int layers() {
            return layers;
        }

        @Override
        public String toString() {
            return String.format("%d blocks of width %d in %d heads, context %d, learning rate %.0e, seed %d", layers, width, heads, context, learningRate(), seed());
        }
    }

    /** Chapter 6's settings, to change by name. */
    public static Options options() {
        return new Options();
    }

    /** A model for {@code vocabulary} tokens with the given sizes and settings. */
    public static GraphTokenModel model(int vocabulary, Options options) {
        return new GraphTokenModel(graph(vocabulary, options));
    }

    /** The model's graph, to train or change directly (chapter 6 freezes parts of it). */
    public static SameDiff graph(int vocabulary, Options options) {
        if (vocabulary < 2) throw new IllegalArgumentException("a vocabulary needs at least 2 tokens, not " + vocabulary);
        if (options.width % options.heads != 0) {
            throw new IllegalArgumentException("the width " + options.width + " does not split into " + options.heads + " heads");
        }
        Nd4j.getRandom().setSeed(options.seed());
        int v = vocabulary, t = options.context, d = options.width;
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("input", DataType.FLOAT, -1, t, v);
        SDVariable labels = sd.placeHolder("labels", DataType.FLOAT, -1, t, v);
        SDVariable tokens = sd.var("tokenEmbedding", random(v, d, 1.0 / Math.sqrt(d)));
        SDVariable positions = sd.var("positionEmbedding", random(t, d, 0.02));
        SDVariable x = sd.mmul(input.reshape(-1, v), tokens).reshape(-1, t, d).add(positions);
        SDVariable mask = sd.constant("causalMask", causalMask(t));
        for (int l = 0; l < options.layers; l++) {
            x = x.add(attention(sd, layerNorm(sd, x, "norm1Gain" + l, "norm1Bias" + l, d), mask, options, l));
            x = x.add(mlp(sd, layerNorm(sd, x, "norm2Gain" + l, "norm2Bias" + l, d), options, l));
        }
        SDVariable logits = sd.mmul(layerNorm(sd, x, "normOutGain", "normOutBias", d).reshape(-1, d), linear(sd, "head", d, v)).add(bias(sd, "headBias", v));
        SDVariable shifted = logits.sub(logits.max(true, 1)); // log-softmax by hand: exp cannot overflow
        SDVariable logProbabilities = shifted.sub(sd.math.log(sd.math.exp(shifted).sum(true, 1))).rename("logProbabilities");
        labels.reshape(-1, v).mul(logProbabilities).sum(1).mean().neg().rename("loss");
        sd.setLossVariables("loss");
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(options.learningRate()))
                .dataSetFeatureMapping("input", "labels").markLabelsUnused().build());
        return sd;
    }

    /** Causal multi-head self-attention; the weights are named {@code attention<layer>}. */
    static SDVariable attention(SameDiff sd, SDVariable x, SDVariable mask, Options options, int layer) {
        int t = options.context, d = options.width, h = options.heads, dh = d / h;
        SDVariable flat = x.reshape(-1, d);
        SDVariable q = heads(sd.mmul(flat, linear(sd, "query" + layer, d, d)), t, h, dh);
        SDVariable k = heads(sd.mmul(flat, linear(sd, "key" + layer, d, d)), t, h, dh);
        SDVariable value = heads(sd.mmul(flat, linear(sd, "value" + layer, d, d)), t, h, dh);
        SDVariable scores = sd.mmul(q, k, false, true, false).div(Math.sqrt(dh)).add(mask);
        SDVariable weights = sd.nn.softmax("attention" + layer, scores, 3);
        SDVariable mixed = sd.mmul(weights, value).permute(0, 2, 1, 3).reshape(-1, d);
        return sd.mmul(mixed, linear(sd, "output" + layer, d, d)).reshape(-1, t, d);
    }

    static SDVariable mlp(SameDiff sd, SDVariable x, Options options, int layer) {
        int t = options.context, d = options.width;
        SDVariable hidden = sd.nn.gelu(sd.mmul(x.reshape(-1, d), linear(sd, "expand" + layer, d, 4 * d)).add(bias(sd, "expandBias" + layer, 4 * d)));
        return sd.mmul(hidden, linear(sd, "contract" + layer, 4 * d, d)).add(bias(sd, "contractBias" + layer, d)).reshape(-1, t, d);
    }

    /** Layer norm over the last axis with a trainable gain (from 1) and bias (from 0), named as given. */
    static SDVariable layerNorm(SameDiff sd, SDVariable x, String gainName, String biasName, int d) {
        return sd.nn.layerNorm(x, sd.var(gainName, Nd4j.ones(DataType.FLOAT, d)), bias(sd, biasName, d), false, 2);
    }

    /**
     * A trainable vector of zeros. Not {@code sd.zero(...)}: that makes a constant, which training never changes
     * (this model's biases and layer-norm parameters did not learn until a comparison with its PyTorch twin showed it).
     */
    static SDVariable bias(SameDiff sd, String name, int size) {
        return sd.var(name, Nd4j.zeros(DataType.FLOAT, size));
    }

    /** {@code [batch·time, width]} split into heads: {@code [batch, heads, time, width / heads]}. */
    private static SDVariable heads(SDVariable x, int t, int h, int dh) {
        return x.reshape(-1, t, h, dh).permute(0, 2, 1, 3);
    }

    private static SDVariable linear(SameDiff sd, String name, int in, int out) {
        return sd.var(name, random(in, out, 1.0 / Math.sqrt(in)));
    }

    /** 0 where position i may look at position j (j ≤ i), a large negative number where it may not. */
    public static INDArray causalMask(int context) {
        float[] mask = new float[context * context];
        for (int i = 0; i < context; i++) for (int j = i + 1; j < context; j++) mask[i * context + j] = -1e9f;
        return Nd4j.create(mask, new long[] {context, context}, 'c');
    }

    private static INDArray random(int rows, int columns, double scale) {
        return Nd4j.randn(DataType.FLOAT, rows, columns).muli(scale);
    }
}
