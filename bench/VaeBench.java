import creativeai.image.Vae;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Speed of chapter 5's VAE training step (creativeai.image.Vae.learn: the negative ELBO's two terms and one Adam
 * update through DL4J's VariationalAutoencoder layer) in images per second, and peak RSS. bench/vae_bench.py is
 * the same in PyTorch. Arguments: latent batch. Images are random pixels in [0, 1]: speed does not depend on them.
 */
public class VaeBench {
    public static void main(String[] args) throws Exception {
        int latent = Integer.parseInt(args[0]), batch = Integer.parseInt(args[1]), warmup = 3;
        int measured = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCHES", "100"));
        Vae vae = new Vae(Vae.network(latent, 1));
        INDArray images = Nd4j.rand(batch, 784);
        for (int i = 0; i < warmup; i++) vae.learn(images);
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) vae.learn(images);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .mapToDouble(l -> Double.parseDouble(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(Double.NaN);
        System.out.printf("{\"impl\": \"DL4J\", \"images_per_s\": %.1f, \"peak_rss_mb\": %.0f}%n", measured * batch / seconds, rss);
    }
}
