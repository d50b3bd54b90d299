package creativeai.sequence;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Writes with a trained next-token model, one token at a time: the prompt is fed in, then each step's
 * probabilities are sharpened or flattened by a temperature, cut to the {@code topK} likeliest tokens,
 * filtered by an optional {@link TokenFilter} (a rule such as "five characters, then a line break"), and
 * one token is drawn. The network keeps its recurrent state between steps ({@code rnnTimeStep}), so each step
 * costs one step of the LSTM, not the whole history again.
 */
public final class Sampler {
    private final MultiLayerNetwork net;
    private final int vocabularySize;
    private double temperature = 1.0;
    private int topK = 0;
    private TokenFilter filter = TokenFilter.ANY;

    public Sampler(MultiLayerNetwork net, int vocabularySize) {
        this.net = net;
        this.vocabularySize = vocabularySize;
    }

    /** Below 1 the likeliest tokens win more often; above 1 choices get bolder; must be above 0. */
    public Sampler temperature(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("temperature must be a positive number (0.5 cautious, 1 as learned, 1.5 bold), not " + value);
        }
        temperature = value;
        return this;
    }

    /** Only the k likeliest tokens may be drawn; 0 means all. */
    public Sampler topK(int k) {
        if (k < 0) throw new IllegalArgumentException("top-k must be 0 (off) or positive, not " + k);
        topK = k;
        return this;
    }

    public Sampler filter(TokenFilter rule) {
        filter = rule;
        return this;
    }

    /** {@code count} new tokens following the prompt (which must not be empty). */
    public int[] continueFrom(int[] prompt, int count, Random random) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt is empty: give at least one token to start from");
        for (int token : prompt) {
            if (token < 0 || token >= vocabularySize) throw new IllegalArgumentException("prompt token " + token + " is outside the vocabulary");
        }
        net.rnnClearPreviousState();
        INDArray out = net.rnnTimeStep(TokenWindows.oneHot(prompt, vocabularySize));
        List<Integer> history = new ArrayList<>();
        for (int token : prompt) history.add(token);
        int[] generated = new int[count];
        for (int i = 0; i < count; i++) {
            double[] p = out.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.all(),
                    org.nd4j.linalg.indexing.NDArrayIndex.point(out.size(2) - 1)).toDoubleVector();
            int next = draw(p, history, random);
            generated[i] = next;
            history.add(next);
            out = net.rnnTimeStep(TokenWindows.oneHot(new int[] {next}, vocabularySize));
        }
        net.rnnClearPreviousState();
        return generated;
    }

    int draw(double[] probabilities, List<Integer> history, Random random) {
        double[] weights = new double[probabilities.length];
        for (int token = 0; token < weights.length; token++) {
            weights[token] = filter.allows(history, token) ? Math.pow(Math.max(probabilities[token], 0), 1 / temperature) : 0;
        }
        if (topK > 0 && topK < weights.length) {
            double[] sorted = weights.clone();
            Arrays.sort(sorted);
            double threshold = sorted[sorted.length - topK];
            for (int token = 0; token < weights.length; token++) if (weights[token] < threshold) weights[token] = 0;
        }
        double total = Arrays.stream(weights).sum();
        if (!(total > 0)) {
            throw new IllegalStateException("no token may follow here: the filter ruled out every token the model thinks possible");
        }
        double r = random.nextDouble() * total;
        for (int token = 0; token < weights.length; token++) {
            r -= weights[token];
            if (r < 0) return token;
        }
        return weights.length - 1;
    }

    /** A rule for which tokens may come next, given everything so far (prompt and generated). */
    @FunctionalInterface
    public interface TokenFilter {
        TokenFilter ANY = (history, token) -> true;

        boolean allows(List<Integer> history, int token);
    }
}
