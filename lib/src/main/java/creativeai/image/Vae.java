package creativeai.image;

import creativeai.data.Mnist;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.variational.BernoulliReconstructionDistribution;
import org.deeplearning4j.nn.conf.layers.variational.VariationalAutoencoder;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;


/**
 * Chapter 5's variational autoencoder, built on DL4J's {@code VariationalAutoencoder} layer. The encoder reads an
 * image and gives, for every latent dimension, a mean μ and a log-variance log σ²: not one point but a small
 * Gaussian cloud. Training samples a point of that cloud as z = μ + σ·ε with ε ~ N(0, 1) (the reparameterisation
 * trick: the randomness sits in ε, so gradients flow through μ and σ), the decoder turns z into a probability for
 * every pixel, and the loss is the negative ELBO: how unlikely the real pixels are under the decoder's
 * probabilities (reconstruction) plus how far the cloud lies from the standard normal N(0, I) (the KL divergence).
 * The KL term is what lets us sample later: points drawn from N(0, I) land where the decoder has learned to draw.
 */
public final class Vae implements ImageModel {
    private final MultiLayerNetwork network;
    private final org.deeplearning4j.nn.layers.variational.VariationalAutoencoder layer;
    private final VariationalAutoencoder config;

    /** Wraps a network whose only layer is DL4J's VAE layer, such as {@link #network}'s. */
    public Vae(MultiLayerNetwork network) {
        if (network.getnLayers() != 1 || !(network.getLayer(0) instanceof org.deeplearning4j.nn.layers.variational.VariationalAutoencoder vae)) {
            throw new IllegalArgumentException("a Vae wraps a network of one VariationalAutoencoder layer (see Vae.network), not "
                    + network.getnLayers() + " layers starting with " + network.getLayer(0).getClass().getSimpleName());
        }
        this.network = network;
        this.layer = vae;
        this.config = (VariationalAutoencoder) vae.conf().getLayer();
        if (!(config.getPzxActivationFn() instanceof ActivationIdentity)) {
            throw new IllegalArgumentException("the latent mean and log-variance must be unbounded (pzxActivationFunction IDENTITY)");
        }
    }

    /**
     * The network: encoder 784 → 512 → 256 → (μ, log σ²) of {@code latent} dimensions; decoder {@code latent} →
     * 256 → 512 → 784 pixel probabilities (sigmoid, a Bernoulli distribution per pixel). The shapes mirror chapter
     * 4's MLP GAN (the decoder is its generator, the encoder its discriminator), so the two compare fairly.
     */
    public static MultiLayerNetwork network(int latent, long seed) {
        var conf = new NeuralNetConfiguration.Builder().seed(seed).updater(new Adam(1e-3)).weightInit(WeightInit.XAVIER).list()
                .layer(new VariationalAutoencoder.Builder()
                        .nIn(Mnist.PIXELS).encoderLayerSizes(512, 256)
                        .nOut(latent).pzxActivationFunction(Activation.IDENTITY)
                        .decoderLayerSizes(256, 512)
                        .reconstructionDistribution(new BernoulliReconstructionDistribution(Activation.SIGMOID))
                        .activation(Activation.RELU)
                        .build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public int latentSize() {
        return (int) config.getNOut();
    }

    @Override
    public String lossUnit() {
        return "nats per image";
    }

    @Override
    public String[] lossNames() {
        return new String[] {"reconstruction", "KL divergence"};
    }

    /**
     * One step on a batch of images (pixels in [0, 1]); returns the two terms of the negative ELBO, per image, before
     * the step. DL4J's layer reports only their sum; the KL term is computed here, the reconstruction term is the rest.
     */
    @Override
    public double[] learn(INDArray batch) {
        double kl = klDivergenceOf(checkPixels(batch));
        network.pretrainLayer(0, batch);
        double negativeElbo = layer.score();
        return new double[] {negativeElbo - kl, kl};
    }

    /**
     * The two terms of the negative ELBO for images it does not learn from (held-out ones), per image: {reconstruction,
     * KL divergence}. The reconstruction term uses one sampled z per image, as in training.
     */
    public double[] lossTerms(INDArray images) {
        double kl = klDivergenceOf(checkPixels(images));
        INDArray logProbability = layer.reconstructionLogProbability(images, 1);
        double reconstruction = -logProbability.meanNumber().doubleValue();
        logProbability.close();
        return new double[] {reconstruction, kl};
    }

    /** Mean over the images of KL(N(μ, σ²) ‖ N(0, I)) = ½ Σ (μ² + σ² − log σ² − 1), in nats. */
    public double klDivergence(INDArray images) {
        return klDivergenceOf(checkPixels(images));
    }

    /** The encoder's Gaussian for each image: {μ, log σ²}, each [images, latent]. */
    private INDArray[] gaussianOf(INDArray images) {
        IActivation hidden = config.getActivationFn();
        INDArray current = images;
        for (int i = 0; i < config.getEncoderLayerSizes().length; i++) {
            INDArray next = current.mmul(layer.getParam("e" + i + "W")).addiRowVector(layer.getParam("e" + i + "b"));
            hidden.getActivation(next, false);
            if (current != images) current.close();
            current = next;
        }
        INDArray mean = current.mmul(layer.getParam("pZXMeanW")).addiRowVector(layer.getParam("pZXMeanb"));
        INDArray logVariance = current.mmul(layer.getParam("pZXLogStd2W")).addiRowVector(layer.getParam("pZXLogStd2b"));
        if (current != images) current.close();
        return new INDArray[] {mean, logVariance};
    }

    private double klDivergenceOf(INDArray images) {
        INDArray[] gaussian = gaussianOf(images);
        INDArray mean = gaussian[0], logVariance = gaussian[1];
        INDArray terms = mean.mul(mean).addi(Transforms.exp(logVariance, true)).subi(logVariance).subi(1);
        double kl = 0.5 * terms.sumNumber().doubleValue() / images.rows();
        terms.close();
        mean.close();
        logVariance.close();
        return kl;
    }

    /** The centre μ of each image's cloud: where the encoder puts it in the latent space, [images, latent]. */
    public INDArray encode(INDArray images) {
        return network.output(checkPixels(images), false);
    }

    /** The decoder's pixel probabilities for each latent point, rows of 784 in [0, 1]: the most likely image. */
    @Override
    public INDArray draw(INDArray latentPoints) {
        if (latentPoints.rank() != 2 || latentPoints.columns() != latentSize()) {
            throw new IllegalArgumentException("this VAE's latent space has " + latentSize() + " dimensions; the points given are shaped "
                    + java.util.Arrays.toString(latentPoints.shape()) + " (want [n, " + latentSize() + "])");
        }
        return layer.generateAtMeanGivenZ(latentPoints);
    }

    /** Points drawn from the prior N(0, I): what the decoder turns into new images. */
    @Override
    public INDArray noise(int count) {
        return Nd4j.randn(count, latentSize());
    }

    @Override
    public void save(java.nio.file.Path folder, String model) throws java.io.IOException {
        ImageTrainer.saveNetwork(network, folder, model, "vae");
    }

    public MultiLayerNetwork network() {
        return network;
    }

    private static INDArray checkPixels(INDArray images) {
        Mnist.requireRows(images, "the VAE");
        double min = images.minNumber().doubleValue(), max = images.maxNumber().doubleValue();
        if (min < 0 || max > 1) {
            throw new IllegalArgumentException("the VAE's pixels are probabilities, in [0, 1]; these run from " + min + " to " + max
                    + ": load the images with Mnist.Scale.ZERO_TO_ONE");
        }
        return images;
    }
}
