package creativeai.sequence;

import java.util.Arrays;
import java.util.Random;

/**
 * How one next token is chosen from a model's probabilities: the step chapters 2 and 3 write in the notebook
 * (divide by a temperature, keep the top k, draw), which the {@link Sampler} then runs at every step. The
 * probabilities it receives already have the tokens a {@link Sampler.TokenFilter} forbids set to 0.
 * {@link #temperature} is the same rule, which chapter 3 (after chapter 2 wrote it), the tests, the benchmarks and
 * the music chapter's {@code Composer} defaults use.
 */
@FunctionalInterface
public interface SamplingRule {
    /** The index of the token drawn; {@code probabilities} sum to at most 1 and are not changed. */
    int draw(double[] probabilities, Random random);

    /** Probabilities raised to 1/T (the same as dividing the logits by T), cut to the k likeliest (0: all), drawn. */
    static SamplingRule temperature(double temperature, int topK) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number (0.5 cautious, 1 as learned, 1.5 bold), not " + temperature);
        }
        if (topK < 0) throw new IllegalArgumentException("top-k must be 0 (off) or positive, not " + topK);
        return (probabilities, random) -> {
            double[] weights = withTemperature(probabilities, temperature);
            if (topK > 0 && topK < weights.length) {
                double[] sorted = weights.clone();
                Arrays.sort(sorted);
                double threshold = sorted[sorted.length - topK];
                for (int token = 0; token < weights.length; token++) if (weights[token] < threshold) weights[token] = 0;
            }
            return drawFrom(weights, random);
        };
    }

    /** The distribution at temperature T: p^(1/T), renormalised (the same as softmax(logits / T)). */
    static double[] withTemperature(double[] probabilities, double temperature) {
        double[] reshaped = new double[probabilities.length];
        for (int token = 0; token < reshaped.length; token++) reshaped[token] = Math.pow(Math.max(probabilities[token], 0), 1 / temperature);
        double total = Arrays.stream(reshaped).sum();
        for (int token = 0; token < reshaped.length; token++) reshaped[token] /= total;
        return reshaped;
    }

    /** Draws an index with chance proportional to its weight (weights need not sum to 1). */
    static int drawFrom(double[] weights, Random random) {
        double total = Arrays.stream(weights).sum();
        if (!(total > 0)) {
            throw new IllegalStateException("no token may follow here: every token the model thinks possible has weight 0");
        }
        double r = random.nextDouble() * total;
        for (int token = 0; token < weights.length; token++) {
            r -= weights[token];
            if (r < 0) return token;
        }
        int last = weights.length - 1;
        while (weights[last] == 0) last--; // rounding left r a hair above 0: the last token that may be drawn
        return last;
    }
}
