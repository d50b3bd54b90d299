import creativeai.sequence.Sampler;
import creativeai.sequence.TokenLstm;
import creativeai.sequence.TokenWindows;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Iterator;
import java.util.Random;

/**
 * Speed of the course's token LSTM (creativeai.sequence.TokenLstm) on this machine: training tokens per second
 * (one-hot input, Adam, truncated BPTT) and sampling tokens per second (one sequence, stateful steps), then peak
 * RSS. Tokens are random: speed does not depend on their values. bench/token_lstm_bench.py is the same model in
 * PyTorch; bench/run runs both and prints the ratio. Arguments: vocabulary hidden layers batch window tbptt.
 */
public class TokenLstmBench {
    public static void main(String[] args) throws Exception {
        int vocabulary = Integer.parseInt(args[0]), hidden = Integer.parseInt(args[1]), layers = Integer.parseInt(args[2]);
        int batch = Integer.parseInt(args[3]), window = Integer.parseInt(args[4]), tbptt = Integer.parseInt(args[5]);
        int warmup = 3, measured = Integer.parseInt(System.getenv().getOrDefault("BENCH_BATCHES", "20"));
        Random random = new Random(1);
        int[] tokens = random.ints((long) (warmup + measured) * batch * window + 1, 0, vocabulary).toArray();
        MultiLayerNetwork net = network(vocabulary, hidden, layers, tbptt);
        Iterator<DataSet> batches = new TokenWindows(tokens, vocabulary, window).inOrder(batch);
        for (int i = 0; i < warmup; i++) net.fit(batches.next());
        Profiling.start();
        long start = System.nanoTime();
        for (int i = 0; i < measured; i++) net.fit(batches.next());
        double trainSeconds = (System.nanoTime() - start) / 1e9;
        Profiling.stop();

        Sampler sampler = new Sampler(net, vocabulary);
        sampler.continueFrom(new int[] {0}, 50, random);
        int sampled = 2000;
        start = System.nanoTime();
        sampler.continueFrom(new int[] {0}, sampled, random);
        double sampleSeconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("{\"impl\": \"DL4J %s\", \"train_tokens_per_s\": %.1f, \"sample_tokens_per_s\": %.1f, \"peak_rss_mb\": %.0f}%n",
                org.nd4j.linalg.factory.Nd4j.getBackend().getClass().getSimpleName(),
                measured * batch * window / trainSeconds, sampled / sampleSeconds, PeakMemory.mb());
    }

    static MultiLayerNetwork network(int vocabulary, int hidden, int layers, int tbptt) {
        return TokenLstm.network(vocabulary, TokenLstm.options().hidden(hidden).layers(layers).tbptt(tbptt).learningRate(2e-3).seed(1));
    }
}
