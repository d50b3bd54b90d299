package creativeai.sequence;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes with a trained next-token model, one token at a time: the prompt is fed in, then at each step the
 * model's probabilities for the next token go through an optional {@link TokenFilter} (a rule such as "five
 * characters, then a line break": forbidden tokens get probability 0) and a {@link SamplingRule} draws one
 * token. The model's {@link NextTokenModel.Reader} is fed each token drawn: an LSTM keeps its state between
 * steps, a Transformer rereads its context.
 */
public final class Sampler {
    private final NextTokenModel model;
    private final int vocabularySize;
    private SamplingRule rule = SamplingRule.temperature(1, 0);
    private TokenFilter filter = TokenFilter.ANY;

    public Sampler(NextTokenModel model) {
        this.model = model;
        this.vocabularySize = model.vocabularySize();
    }

    public Sampler(MultiLayerNetwork net, int vocabularySize) {
        this.model = NextTokenModel.of(net);
        this.vocabularySize = vocabularySize;
    }

    /** How each token is chosen from the (filtered) probabilities; by default drawn as learned (temperature 1). */
    public Sampler rule(SamplingRule value) {
        rule = value;
        return this;
    }

    /** Shorthand for {@code rule(SamplingRule.temperature(temperature, topK))}. */
    public Sampler temperature(double temperature, int topK) {
        return rule(SamplingRule.temperature(temperature, topK));
    }

    public Sampler filter(TokenFilter value) {
        filter = value;
        return this;
    }

    /** The model's probabilities for the token after {@code prompt}: what the sampling rule sees at the first step. */
    public double[] nextProbabilities(int[] prompt) {
        check(prompt);
        return model.reader().read(prompt);
    }

    /** {@code count} new tokens following the prompt (which must not be empty). */
    public int[] continueFrom(int[] prompt, int count, Random random) {
        check(prompt);
        NextTokenModel.Reader reader = model.reader();
        double[] next = reader.read(prompt);
        List<Integer> history = new ArrayList<>();
        for (int token : prompt) history.add(token);
        int[] generated = new int[count];
        for (int i = 0; i < count; i++) {
            int token = draw(next, history, random);
            generated[i] = token;
            history.add(token);
            if (i < count - 1) next = reader.read(new int[] {token});
        }
        return generated;
    }

    int draw(double[] probabilities, List<Integer> history, Random random) {
        double[] allowed = new double[probabilities.length];
        boolean any = false;
        for (int token = 0; token < allowed.length; token++) {
            allowed[token] = filter.allows(history, token) ? probabilities[token] : 0;
            any |= allowed[token] > 0;
        }
        if (!any) throw new IllegalStateException("no token may follow here: the filter ruled out every token the model thinks possible");
        int token = rule.draw(allowed, random);
        if (token < 0 || token >= allowed.length || allowed[token] == 0) {
            throw new IllegalStateException("the sampling rule chose token " + token + ", which "
                    + (token < 0 || token >= allowed.length ? "is outside the vocabulary of " + allowed.length : "has probability 0 here"));
        }
        return token;
    }

    private void check(int[] prompt) {
        if (prompt.length == 0) throw new IllegalArgumentException("the prompt is empty: give at least one token to start from");
        for (int token : prompt) {
            if (token < 0 || token >= vocabularySize) throw new IllegalArgumentException("prompt token " + token + " is outside the vocabulary");
        }
    }

    /** A rule for which tokens may come next, given everything so far (prompt and generated). */
    @FunctionalInterface
    public interface TokenFilter {
        TokenFilter ANY = (history, token) -> true;

        boolean allows(List<Integer> history, int token);
    }
}
