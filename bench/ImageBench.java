import creativeai.image.Dcgan;
import creativeai.image.DenseVae;
import creativeai.image.GanTraining;
import creativeai.image.ImageModel;
import creativeai.image.MlpGan;
import creativeai.image.GraphVae;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Speed of the image chapters' training steps ({@code ImageModel.learn}: for a GAN one discriminator and one
 * generator update, for the VAE the two ELBO terms and one update) in real images per second, and peak RSS.
 * The VAE is chapter 5's dense SameDiff graph ({@code DenseVae}, which 05-vae.ipynb checks its own against).
 * bench/image_bench.py is the same in PyTorch. Arguments: mlp|dcgan|vae batch [latent, for the VAE]. Images are
 * random pixels in [0, 1]: speed does not depend on them.
 */
public class ImageBench {
    public static void main(String[] args) throws Exception {
        String kind = args[0];
        int batch = Integer.parseInt(args[1]), warmup = 3;
        int measured = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCHES", kind.equals("dcgan") ? "20" : "100"));
        ImageModel model = model(kind, args.length > 2 ? Integer.parseInt(args[2]) : 0);
        INDArray real = Nd4j.rand(batch, 784);
        for (int i = 0; i < warmup; i++) model.learn(real);
        Profiling.start();
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) model.learn(real);
        double seconds = (System.nanoTime() - start) / 1e9;
        Profiling.stop();
        double rss = PeakMemory.mb();
        System.out.printf("{\"impl\": \"DL4J\", \"images_per_s\": %.1f, \"peak_rss_mb\": %.0f}%n", measured * batch / seconds, rss);
    }

    /** The chapter's model of that kind; {@code latent} is the VAE's code size. */
    static ImageModel model(String kind, int latent) {
        return switch (kind) {
            case "mlp" -> new GanTraining(MlpGan.generator(64, 1), MlpGan.discriminator(2));
            case "dcgan" -> new GanTraining(Dcgan.generator(64, 32, 1), Dcgan.discriminator(32, 2));
            case "vae" -> new GraphVae(DenseVae.graph(latent, DenseVae.options().seed(1)));
            default -> throw new IllegalArgumentException("mlp, dcgan or vae, not " + kind);
        };
    }
}
