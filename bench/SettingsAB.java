import creativeai.sequence.GraphTokenModel;
import creativeai.sequence.TokenWindows;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * A setting of ND4J measured A/B in one JVM: one model's training step timed in alternating blocks of 5 steps with the
 * setting one way and the other (A B A B, 4 blocks each, so a drift in the machine's speed falls on both), after a
 * warm-up of both. Only settings ND4J can change while it runs are here; the others (environment variables read when
 * the native libraries load) need a JVM each. Prints one JSON line: steps per second, the median block of each, B's
 * gain over A, and the processor seconds each step cost (all threads). Arguments: the setting (blas-threads,
 * nd4j-threads, helpers, periodic-gc), then the model and its sizes as its benchmark takes them: {@code lstm} and
 * TokenLstmBench's, {@code transformer} and TransformerBench's, or {@code mlp|dcgan|vae batch [latent]} (bench/run ab
 * passes bench/run's sizes).
 */
public class SettingsAB {
    private static final int BLOCKS = 4, STEPS = 5, WARMUP = 3;

    /** A setting's two values: what A and B are called, and how to switch to each (0 = A, 1 = B). */
    record Setting(String a, String b, IntConsumer use) {
    }

    public static void main(String[] args) throws Exception {
        Setting setting = setting(args[0]);
        String[] model = Arrays.copyOfRange(args, 1, args.length);
        Runnable step = step(model);
        for (int side = 0; side < 2; side++) {
            setting.use().accept(side);
            for (int i = 0; i < WARMUP; i++) step.run();
        }
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
        double[] cpuSeconds = new double[2];
        for (int block = 0; block < BLOCKS; block++) {
            for (int side = 0; side < 2; side++) {
                setting.use().accept(side);
                long start = System.nanoTime(), cpu = process.getProcessCpuTime();
                for (int i = 0; i < STEPS; i++) step.run();
                rates.get(side).add(STEPS / ((System.nanoTime() - start) / 1e9));
                cpuSeconds[side] += (process.getProcessCpuTime() - cpu) / 1e9;
            }
        }
        double a = median(rates.get(0)), b = median(rates.get(1));
        System.out.printf("{\"model\": \"%s\", \"setting\": \"%s\", \"a\": \"%s\", \"b\": \"%s\", \"a_steps_per_s\": %.2f, "
                        + "\"b_steps_per_s\": %.2f, \"b_over_a\": %.3f, \"a_cpu_s_per_step\": %.3f, \"b_cpu_s_per_step\": %.3f, "
                        + "\"a_blocks\": %s, \"b_blocks\": %s}%n",
                String.join(" ", model), args[0], setting.a(), setting.b(), a, b, b / a, cpuSeconds[0] / BLOCKS / STEPS,
                cpuSeconds[1] / BLOCKS / STEPS, rounded(rates.get(0)), rounded(rates.get(1)));
    }

    static Setting setting(String name) {
        int cores = Runtime.getRuntime().availableProcessors();
        return switch (name) {
            case "blas-threads" -> new Setting("OpenBLAS on " + cores + " threads", "OpenBLAS on 1 thread",
                    side -> Nd4j.factory().blas().setMaxThreads(side == 0 ? cores : 1));
            case "nd4j-threads" -> new Setting("ND4J's own ops on " + cores + " threads", "on 1 thread",
                    side -> Nd4j.getEnvironment().setMaxThreads(side == 0 ? cores : 1));
            case "helpers" -> new Setting("oneDNN helpers allowed", "not allowed", side -> Nd4j.getEnvironment().allowHelpers(side == 0));
            case "periodic-gc" -> new Setting("ND4J's periodic System.gc() on", "off",
                    side -> Nd4j.getMemoryManager().togglePeriodicGc(side == 0));
            default -> throw new IllegalArgumentException("blas-threads, nd4j-threads, helpers or periodic-gc, not " + name);
        };
    }

    /** One training step of the model, on one batch of random data (speed does not depend on it). */
    static Runnable step(String[] model) {
        int[] sizes = Arrays.stream(model).skip(1).mapToInt(Integer::parseInt).toArray();
        return switch (model[0]) {
            case "lstm" -> { // vocabulary hidden layers batch window tbptt
                MultiLayerNetwork net = TokenLstmBench.network(sizes[0], sizes[1], sizes[2], sizes[5]);
                DataSet batch = batch(sizes[0], sizes[3], sizes[4]);
                yield () -> net.fit(batch);
            }
            case "transformer" -> { // vocabulary context width heads layers batch
                GraphTokenModel transformer = TransformerBench.model(sizes[0], sizes[1], sizes[2], sizes[3], sizes[4]);
                DataSet batch = batch(sizes[0], sizes[5], sizes[1]);
                yield () -> transformer.learn(batch);
            }
            case "mlp", "dcgan", "vae" -> { // batch [latent]
                var images = ImageBench.model(model[0], sizes.length > 1 ? sizes[1] : 0);
                INDArray real = Nd4j.rand(sizes[0], 784);
                yield () -> images.learn(real);
            }
            default -> throw new IllegalArgumentException("lstm, transformer, mlp, dcgan or vae, not " + model[0]);
        };
    }

    private static DataSet batch(int vocabulary, int size, int window) {
        int[] tokens = new Random(1).ints((long) size * window + 1, 0, vocabulary).toArray();
        return new TokenWindows(tokens, vocabulary, window).inOrder(size).next();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToDouble(v -> Math.round(v * 100) / 100.0).toArray());
    }
}
