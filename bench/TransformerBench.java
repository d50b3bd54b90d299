import creativeai.sequence.GraphTokenModel;
import creativeai.sequence.Sampler;
import creativeai.sequence.TokenWindows;
import creativeai.sequence.Transformer;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Iterator;
import java.util.Random;

/**
 * Speed of chapter 6's Transformer (creativeai.sequence.Transformer, a SameDiff graph) on this machine: training
 * tokens per second (one-hot windows, Adam, every position predicting the next token) and sampling tokens per
 * second (one sequence, the whole context reread for every token, as the chapter writes), then peak RSS. Tokens
 * are random: speed does not depend on their values. bench/transformer_bench.py is the same model in PyTorch;
 * bench/run runs both and prints the ratio. Arguments: vocabulary context width heads layers batch.
 */
public class TransformerBench {
    public static void main(String[] args) throws Exception {
        int vocabulary = Integer.parseInt(args[0]), context = Integer.parseInt(args[1]), width = Integer.parseInt(args[2]);
        int heads = Integer.parseInt(args[3]), layers = Integer.parseInt(args[4]), batch = Integer.parseInt(args[5]);
        int warmup = 3, measured = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCHES", "20"));
        Random random = new Random(1);
        int[] tokens = random.ints((long) (warmup + measured) * batch * context + 1, 0, vocabulary).toArray();
        GraphTokenModel model = model(vocabulary, context, width, heads, layers);
        Iterator<DataSet> batches = new TokenWindows(tokens, vocabulary, context).inOrder(batch);
        for (int i = 0; i < warmup; i++) model.learn(batches.next());
        Profiling.start();
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) model.learn(batches.next());
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Profiling.stop();

        Sampler sampler = new Sampler(model);
        sampler.continueFrom(new int[] {0}, 50, random);
        int sampled = 500;
        start = System.nanoTime();
        sampler.continueFrom(new int[] {0}, sampled, random);
        double sampleSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("{\"impl\": \"ND4J SameDiff %s\", \"train_tokens_per_s\": %.1f, \"sample_tokens_per_s\": %.1f, \"peak_rss_mb\": %.0f}%n",
                org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName(),
                measured * batch * context / trainSeconds, sampled / sampleSeconds, PeakMemory.mb());
    }

    static GraphTokenModel model(int vocabulary, int context, int width, int heads, int layers) {
        return Transformer.model(vocabulary, Transformer.options().context(context).width(width).heads(heads).layers(layers).seed(1));
    }
}
