package creativeai.image;

import creativeai.data.Mnist;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The two networks of chapter 4's first GAN, small enough to read. The generator turns {@code latent} random
 * numbers into 784 pixels in [-1, 1] (tanh); the discriminator turns 784 pixels into the probability that the
 * image is real (sigmoid). Both use LeakyReLU (gradients keep flowing for negative inputs) and Adam with
 * β₁ = 0.5 (the usual momentum of 0.9 makes the two players overshoot each other).
 */
public final class MlpGan {
    private MlpGan() {
    }

    public static MultiLayerNetwork generator(int latent, long seed) {
        var conf = new NeuralNetConfiguration.Builder().seed(seed).updater(GanTraining.adam(2e-4)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(latent).nOut(256).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nIn(256).nOut(512).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nIn(512).nOut(Mnist.PIXELS).activation(Activation.TANH).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public static MultiLayerNetwork discriminator(long seed) {
        var conf = new NeuralNetConfiguration.Builder().seed(seed).updater(GanTraining.adam(2e-4)).weightInit(WeightInit.XAVIER).list()
                .layer(new DenseLayer.Builder().nIn(Mnist.PIXELS).nOut(512).activation(new ActivationLReLU(0.2)).build())
                .layer(new DenseLayer.Builder().nIn(512).nOut(256).activation(new ActivationLReLU(0.2)).build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(256).nOut(1).activation(Activation.SIGMOID).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
