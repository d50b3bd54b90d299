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
 * A setting of ND4J measured A/B in one JVM: one model's training step, at bench/run's sizes, timed in alternating
 * blocks with the setting one way and the other (A B A B ..., so a drift in the machine's speed falls on both), after
 * a warm-up of both. Only settings ND4J can change while it runs are here; the others (environment variables read
 * when the native libraries load) need a JVM each: bench/run ab does those. Prints one JSON line: steps per second,
 * the median block of each, B's gain over A, and the processor seconds each step cost (all threads). Arguments: model (char-lstm, melody-lstm, transformer, mlp, dcgan,
 * vae) setting (blas-threads, nd4j-threads, helpers, periodic-gc) [blocks, default 6] [steps per block, default 10].
 */
public class SettingsAB {
    /** A setting's two values: what A and B are called, and how to switch to each (0 = A, 1 = B). */
    record Setting(String a, String b, IntConsumer use) {
    }

    public static void main(String[] args) throws Exception {
        Runnable step = step(args[0]);
        Setting setting = setting(args[1]);
        int blocks = args.length > 2 ? Integer.parseInt(args[2]) : 6, steps = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        for (int side = 0; side < 2; side++) {
            setting.use().accept(side);
            for (int i = 0; i < 3; i++) step.run();
        }
        var process = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<List<Double>> rates = List.of(new ArrayList<>(), new ArrayList<>());
        double[] cpuSeconds = new double[2];
        for (int block = 0; block < blocks; block++) {
            for (int side = 0; side < 2; side++) {
                setting.use().accept(side);
                long start = System.nanoTime(), cpu = process.getProcessCpuTime();
                for (int i = 0; i < steps; i++) step.run();
                rates.get(side).add(steps / ((System.nanoTime() - start) / 1e9));
                cpuSeconds[side] += (process.getProcessCpuTime() - cpu) / 1e9;
            }
        }
        double a = median(rates.get(0)), b = median(rates.get(1));
        System.out.printf("{\"model\": \"%s\", \"setting\": \"%s\", \"a\": \"%s\", \"b\": \"%s\", \"a_steps_per_s\": %.2f, "
                        + "\"b_steps_per_s\": %.2f, \"b_over_a\": %.3f, \"a_cpu_s_per_step\": %.3f, \"b_cpu_s_per_step\": %.3f, "
                        + "\"a_blocks\": %s, \"b_blocks\": %s}%n",
                args[0], args[1], setting.a(), setting.b(), a, b, b / a, cpuSeconds[0] / blocks / steps,
                cpuSeconds[1] / blocks / steps, rounded(rates.get(0)), rounded(rates.get(1)));
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

    /** One training step of the model at bench/run's sizes, on one batch of random data (speed does not depend on it). */
    static Runnable step(String model) {
        return switch (model) {
            case "char-lstm" -> lstm(98, 256, 100, 50);
            case "melody-lstm" -> lstm(53, 128, 128, 64);
            case "transformer" -> {
                GraphTokenModel transformer = TransformerBench.model(82, 64, 64, 4, 2);
                DataSet batch = batch(82, 64);
                yield () -> transformer.learn(batch);
            }
            case "mlp", "dcgan", "vae" -> {
                var images = ImageBench.model(model, 2);
                INDArray real = Nd4j.rand(64, 784);
                yield () -> images.learn(real);
            }
            default -> throw new IllegalArgumentException("char-lstm, melody-lstm, transformer, mlp, dcgan or vae, not " + model);
        };
    }

    private static Runnable lstm(int vocabulary, int hidden, int window, int tbptt) {
        MultiLayerNetwork net = TokenLstmBench.network(vocabulary, hidden, 2, tbptt);
        DataSet batch = batch(vocabulary, window);
        return () -> net.fit(batch);
    }

    private static DataSet batch(int vocabulary, int window) {
        int[] tokens = new Random(1).ints(32L * window + 1, 0, vocabulary).toArray();
        return new TokenWindows(tokens, vocabulary, window).inOrder(32).next();
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static String rounded(List<Double> values) {
        return Arrays.toString(values.stream().mapToDouble(v -> Math.round(v * 100) / 100.0).toArray());
    }
}
