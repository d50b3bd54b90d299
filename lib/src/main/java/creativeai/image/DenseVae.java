package creativeai.image;

import creativeai.training.ModelOptions;
import creativeai.data.Mnist;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

import java.util.Arrays;

/**
 * Chapter 5's dense VAE as one SameDiff graph, for the tests and the benchmarks (chapter 5 writes it cell by cell
 * and checks that its graph equals this one): the encoder maps 784 pixels through the hidden layers to a mean μ
 * and a log-variance log σ² of the latent point; z = μ + σ·ε; the decoder maps z back through the hidden layers
 * in reverse to 784 pixel logits. The loss is the negative ELBO (reconstruction cross-entropy plus KL divergence,
 * means over the batch), trained with Adam. Placeholders {@code x} (images) and {@code eps} (standard normal
 * noise), and {@code zIn} → {@code drawn} for drawing from chosen points, as {@link GraphVae} expects. Layers are
 * named {@code enc1…}, {@code mu}, {@code logVariance}, {@code dec1…}, each with a weight {@code _W} and a bias
 * {@code _b}.
 */
public final class DenseVae {
    private DenseVae() {
    }

    /** The hidden sizes and training settings, named, with chapter 5's values as defaults: 512 and 256 units, Adam 1e-3, seed 42. */
    public static final class Options extends ModelOptions<Options> {
        private int[] hidden = {512, 256};

        private Options() {
            super(1e-3);
        }

        /** Units of the encoder's hidden layers, from the pixels inwards (the decoder uses them in reverse). */
        public Options hidden(int... units) {
            if (units.length == 0 || Arrays.stream(units).anyMatch(u -> u < 1)) {
                throw new IllegalArgumentException("give at least one hidden layer, each of at least 1 unit, not " + Arrays.toString(units));
            }
            hidden = units.clone();
            return this;
        }
    }

    /** Chapter 5's settings, to change by name. */
    public static Options options() {
        return new Options();
    }

    /** A dense VAE with a latent space of {@code latent} numbers. */
    public static SameDiff graph(int latent, Options options) {
        int[] hidden = options.hidden;
        Nd4j.getRandom().setSeed(options.seed());
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, Mnist.PIXELS);
        SDVariable h = x;
        int width = Mnist.PIXELS;
        for (int i = 0; i < hidden.length; i++) {
            h = sd.nn.relu(dense(sd, "enc" + (i + 1), h, width, hidden[i]), 0);
            width = hidden[i];
        }
        SDVariable mean = dense(sd, "mu", h, width, latent).rename("mean");
        SDVariable logVariance = dense(sd, "logVariance", h, width, latent).rename("logVariance");
        SDVariable eps = sd.placeHolder("eps", DataType.FLOAT, -1, latent);
        SDVariable logits = decode(sd, mean.add(sd.math.exp(logVariance.mul(0.5)).mul(eps)), latent, hidden);
        SDVariable reconstruction = sd.nn.softplus(logits).sub(x.mul(logits)).sum(1).mean().rename("reconstruction");
        SDVariable kl = mean.mul(mean).add(sd.math.exp(logVariance)).sub(logVariance).sub(1).sum(1).mul(0.5).mean().rename("kl");
        reconstruction.add("loss", kl);
        sd.setLossVariables("loss");
        sd.nn.sigmoid("drawn", decode(sd, sd.placeHolder("zIn", DataType.FLOAT, -1, latent), latent, hidden));
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(options.learningRate())).dataSetFeatureMapping("x", "eps").markLabelsUnused().build());
        return sd;
    }

    /** z through the hidden layers in reverse to pixel logits; the second call (from zIn) reuses the first call's weights. */
    private static SDVariable decode(SameDiff sd, SDVariable z, int latent, int[] hidden) {
        SDVariable d = z;
        int width = latent;
        for (int i = hidden.length - 1; i >= 0; i--) {
            d = sd.nn.relu(dense(sd, "dec" + (hidden.length - i), d, width, hidden[i]), 0);
            width = hidden[i];
        }
        return dense(sd, "dec" + (hidden.length + 1), d, width, Mnist.PIXELS);
    }

    /** in · W + b; W Xavier-initialised, b a trainable vector of zeros (not sd.zero, which makes a constant). */
    private static SDVariable dense(SameDiff sd, String name, SDVariable in, int nIn, int nOut) {
        SDVariable w = sd.hasVariable(name + "_W") ? sd.getVariable(name + "_W") : sd.var(name + "_W", new XavierInitScheme('c', nIn, nOut), DataType.FLOAT, nIn, nOut);
        SDVariable b = sd.hasVariable(name + "_b") ? sd.getVariable(name + "_b") : sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, 1, nOut));
        return in.mmul(w).add(b);
    }
}
