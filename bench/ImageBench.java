import creativeai.image.Dcgan;
import creativeai.image.GanTraining;
import creativeai.image.ImageModel;
import creativeai.image.MlpGan;
import creativeai.image.GraphVae;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.weightinit.impl.XavierInitScheme;

/**
 * Speed of the image chapters' training steps ({@code ImageModel.learn}: for a GAN one discriminator and one
 * generator update, for the VAE the two ELBO terms and one update) in real images per second, and peak RSS.
 * The VAE is chapter 5's dense SameDiff graph, written again here as the notebook writes it.
 * bench/image_bench.py is the same in PyTorch. Arguments: mlp|dcgan|vae batch [latent, for the VAE]. Images are
 * random pixels in [0, 1]: speed does not depend on them.
 */
public class ImageBench {
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int batch = Integer.parseInt(args[1]), warmup = 3;
        int measured = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCHES", kind.equals("dcgan") ? "20" : "100"));
        ImageModel model = switch (kind) {
            case "mlp" -> new GanTraining(MlpGan.generator(64, 1), MlpGan.discriminator(2), 64);
            case "dcgan" -> new GanTraining(Dcgan.generator(64, 32, 1), Dcgan.discriminator(32, 2), 64);
            case "vae" -> new GraphVae(denseVae(Integer.parseInt(args[2])));
            default -> throw new IllegalArgumentException("mlp, dcgan or vae, not " + kind);
        };
        INDArray real = Nd4j.rand(batch, 784);
        for (int i = 0; i < warmup; i++) model.learn(real);
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) model.learn(real);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rss = PeakMemory.mb();
        System.out.printf("{\"impl\": \"DL4J\", \"images_per_s\": %.1f, \"peak_rss_mb\": %.0f}%n", measured * batch / seconds, rss);
    }

    /** Chapter 5's dense VAE: 784 → 512 → 256 → (μ, log σ²); z → 256 → 512 → 784; the negative ELBO as the loss. */
    static SameDiff denseVae(int latent) {
        Nd4j.getRandom().setSeed(1);
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 784);
        SDVariable h = sd.nn.relu(dense(sd, "enc1", x, 784, 512), 0);
        h = sd.nn.relu(dense(sd, "enc2", h, 512, 256), 0);
        SDVariable mean = dense(sd, "mu", h, 256, latent).rename("mean");
        SDVariable logVariance = dense(sd, "logVariance", h, 256, latent);
        SDVariable eps = sd.placeHolder("eps", DataType.FLOAT, -1, latent);
        SDVariable logits = decode(sd, mean.add(sd.math.exp(logVariance.mul(0.5)).mul(eps)), latent);
        SDVariable reconstruction = sd.nn.softplus(logits).sub(x.mul(logits)).sum(1).mean().rename("reconstruction");
        SDVariable kl = mean.mul(mean).add(sd.math.exp(logVariance)).sub(logVariance).sub(1).sum(1).mul(0.5).mean().rename("kl");
        reconstruction.add("loss", kl);
        sd.setLossVariables("loss");
        sd.nn.sigmoid("drawn", decode(sd, sd.placeHolder("zIn", DataType.FLOAT, -1, latent), latent));
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(1e-3)).dataSetFeatureMapping("x", "eps").markLabelsUnused().build());
        return sd;
    }

    static SDVariable decode(SameDiff sd, SDVariable z, int latent) {
        SDVariable d = sd.nn.relu(dense(sd, "dec1", z, latent, 256), 0);
        d = sd.nn.relu(dense(sd, "dec2", d, 256, 512), 0);
        return dense(sd, "dec3", d, 512, 784);
    }

    static SDVariable dense(SameDiff sd, String name, SDVariable in, int nIn, int nOut) {
        SDVariable w = sd.hasVariable(name + "_W") ? sd.getVariable(name + "_W") : sd.var(name + "_W", new XavierInitScheme('c', nIn, nOut), DataType.FLOAT, nIn, nOut);
        SDVariable b = sd.hasVariable(name + "_b") ? sd.getVariable(name + "_b") : sd.var(name + "_b", Nd4j.zeros(DataType.FLOAT, 1, nOut));   // a variable: sd.zero would make a constant
        return in.mmul(w).add(b);
    }
}
