package creativeai.sequence;

import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;

/**
 * A token stream cut into windows for next-token training: each window of {@code length} tokens is an input,
 * and the same window shifted by one token is its label. Batches are one-hot, shaped as DL4J's recurrent
 * layers expect ({@code [batch, vocabulary, time]}), and made lazily, so a corpus never sits in memory one-hot.
 */
public final class TokenWindows {
    private final int[] tokens;
    private final int vocabularySize;
    private final int length;

    public TokenWindows(int[] tokens, int vocabularySize, int length) {
        if (length < 2) throw new IllegalArgumentException("a window needs at least 2 tokens, not " + length);
        if (tokens.length < length + 1) {
            throw new IllegalArgumentException("the corpus has " + tokens.length + " tokens, too few for one window of " + length
                    + " (plus one for the label): use a larger corpus or a shorter window");
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocabularySize) {
                throw new IllegalArgumentException("token " + tokens[i] + " at position " + i + " is outside the vocabulary of " + vocabularySize);
            }
        }
        this.tokens = tokens;
        this.vocabularySize = vocabularySize;
        this.length = length;
    }

    /** Non-overlapping windows in the stream: one epoch sees each once. */
    public int windows() {
        return (tokens.length - 1) / length;
    }

    /** Tokens in a window. */
    public int length() {
        return length;
    }

    public int tokens() {
        return tokens.length;
    }

    public int vocabularySize() {
        return vocabularySize;
    }

    /** The first {@code count} windows only (all of them if there are fewer): a sample scored like another set. */
    public TokenWindows first(int count) {
        int keep = Math.min(count, windows());
        return keep == windows() ? this : new TokenWindows(java.util.Arrays.copyOf(tokens, keep * length + 1), vocabularySize, length);
    }

    /** Number of batches an epoch of {@link #epoch} makes. */
    public int batches(int batchSize) {
        return (windows() + batchSize - 1) / batchSize;
    }

    /** One epoch of batches; each epoch shifts the windows by a random offset and shuffles them. */
    public Iterator<DataSet> epoch(int batchSize, Random random) {
        int offset = random.nextInt(Math.max(1, tokens.length - 1 - windows() * length + 1));
        List<Integer> starts = new ArrayList<>();
        for (int w = 0; w < windows(); w++) starts.add(offset + w * length);
        Collections.shuffle(starts, random);
        return batches(starts, batchSize);
    }

    /** The windows in order, for evaluation. */
    public Iterator<DataSet> inOrder(int batchSize) {
        List<Integer> starts = new ArrayList<>();
        for (int w = 0; w < windows(); w++) starts.add(w * length);
        return batches(starts, batchSize);
    }

    private Iterator<DataSet> batches(List<Integer> starts, int batchSize) {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < starts.size();
            }

            @Override
            public DataSet next() {
                if (!hasNext()) throw new NoSuchElementException();
                List<Integer> batch = starts.subList(next, Math.min(starts.size(), next + batchSize));
                next += batch.size();
                return batch(batch);
            }
        };
    }

    private DataSet batch(List<Integer> starts) {
        int b = starts.size();
        float[] input = new float[b * vocabularySize * length];
        float[] label = new float[b * vocabularySize * length];
        for (int i = 0; i < b; i++) {
            int start = starts.get(i);
            for (int t = 0; t < length; t++) {
                input[(i * vocabularySize + tokens[start + t]) * length + t] = 1;
                label[(i * vocabularySize + tokens[start + t + 1]) * length + t] = 1;
            }
        }
        long[] shape = {b, vocabularySize, length};
        return new DataSet(Nd4j.create(input, shape, 'c'), Nd4j.create(label, shape, 'c'));
    }

    /** One token (or a prompt) as network input: {@code [1, vocabulary, tokens]}. */
    public static org.nd4j.linalg.api.ndarray.INDArray oneHot(int[] sequence, int vocabularySize) {
        float[] data = new float[vocabularySize * sequence.length];
        for (int t = 0; t < sequence.length; t++) data[sequence[t] * sequence.length + t] = 1;
        return Nd4j.create(data, new long[] {1, vocabularySize, sequence.length}, 'c');
    }
}
