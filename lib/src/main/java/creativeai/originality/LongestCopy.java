package creativeai.originality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the longest stretch of a generated sequence that appears, item for item, in one of the training
 * sequences: the simplest test of whether a model copies. Items are ints (a character, a note's pitch and
 * length packed together, ...). The corpus is indexed once by its {@code seed}-long runs; each lookup then
 * extends the matches it finds.
 */
public final class LongestCopy {
    private final List<int[]> corpus;
    private final int seed;
    private final Map<Long, List<long[]>> index = new HashMap<>(); // hash of a seed-long run -> {sequence, position}

    /** {@code seed}: the shortest copy worth reporting; shorter copies are reported as 0. */
    public LongestCopy(List<int[]> corpus, int seed) {
        if (seed < 1) throw new IllegalArgumentException("the seed length must be at least 1");
        this.corpus = List.copyOf(corpus);
        this.seed = seed;
        for (int s = 0; s < corpus.size(); s++) {
            int[] sequence = corpus.get(s);
            for (int i = 0; i + seed <= sequence.length; i++) {
                index.computeIfAbsent(hash(sequence, i), h -> new ArrayList<>()).add(new long[] {s, i});
            }
        }
    }

    /** Where the longest copy is: its length in items, which corpus sequence and where there, where in the generated one. */
    public record Match(int length, int sequence, int position, int generatedPosition) {
    }

    public Match find(int[] generated) {
        Match best = new Match(0, -1, -1, -1);
        for (int g = 0; g + seed <= generated.length; g++) {
            for (long[] candidate : index.getOrDefault(hash(generated, g), List.of())) {
                int[] source = corpus.get((int) candidate[0]);
                int p = (int) candidate[1];
                int length = 0;
                while (g + length < generated.length && p + length < source.length && generated[g + length] == source[p + length]) length++;
                if (length >= seed && length > best.length()) best = new Match(length, (int) candidate[0], p, g);
            }
        }
        return best;
    }

    private long hash(int[] items, int from) {
        long h = 1125899906842597L;
        for (int i = from; i < from + seed; i++) h = 31 * h + items[i];
        return h;
    }
}
