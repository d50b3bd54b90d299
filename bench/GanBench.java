import creativeai.image.Dcgan;
import creativeai.image.GanTraining;
import creativeai.image.MlpGan;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Speed of chapter 4's GAN training step (creativeai.image.GanTraining: one discriminator and one generator
 * update) in real images per second, and peak RSS. bench/gan_bench.py is the same in PyTorch. Arguments:
 * mlp|dcgan batch. Images are random: speed does not depend on them.
 */
public class GanBench {
    public static void main(String[] args) throws Exception {
        boolean mlp = args[0].equals("mlp");
        int batch = Integer.parseInt(args[1]), latent = 64, warmup = 3;
        int measured = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCHES", mlp ? "100" : "20"));
        MultiLayerNetwork generator = mlp ? MlpGan.generator(latent, 1) : Dcgan.generator(latent, 32, 1);
        MultiLayerNetwork discriminator = mlp ? MlpGan.discriminator(2) : Dcgan.discriminator(32, 2);
        GanTraining gan = new GanTraining(generator, discriminator, latent);
        INDArray real = Nd4j.rand(batch, 784).muli(2).subi(1);
        for (int i = 0; i < warmup; i++) gan.step(real);
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) gan.step(real);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rss = Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                .mapToDouble(l -> Double.parseDouble(l.replaceAll("\\D", "")) / 1024).findFirst().orElse(Double.NaN);
        System.out.printf("{\"impl\": \"DL4J\", \"images_per_s\": %.1f, \"peak_rss_mb\": %.0f}%n", measured * batch / seconds, rss);
    }
}
