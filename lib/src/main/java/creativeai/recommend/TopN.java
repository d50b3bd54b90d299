package creativeai.recommend;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Turning scores into the short list a user sees: the {@code n} best-scored films they have not rated yet, and the
 * two lists every recommender is measured against, the most popular films and films drawn at random.
 */
public final class TopN {
    private TopN() {
    }

    /** The {@code n} films with the highest scores, best first, leaving out {@code exclude}. Ties go to the lower number. */
    public static int[] best(double[] scores, Set<Integer> exclude, int n) {
        if (n <= 0) throw new IllegalArgumentException("a list needs a positive length, not " + n);
        return IntStream.range(0, scores.length).filter(f -> !exclude.contains(f)).boxed()
                .sorted(Comparator.comparingDouble((Integer f) -> -scores[f]).thenComparingInt(f -> f))
                .limit(n).mapToInt(Integer::intValue).toArray();
    }

    /** The most rated films a user has not rated: the same list for everyone. */
    public static int[] mostPopular(int[] timesRated, Set<Integer> exclude, int n) {
        return best(Arrays.stream(timesRated).asDoubleStream().toArray(), exclude, n);
    }

    /** {@code n} films drawn at random (without repeats) among those a user has not rated. */
    public static int[] random(int films, Set<Integer> exclude, int n, java.util.Random random) {
        List<Integer> candidates = new java.util.ArrayList<>(IntStream.range(0, films).filter(f -> !exclude.contains(f)).boxed().toList());
        java.util.Collections.shuffle(candidates, random);
        return candidates.stream().limit(n).mapToInt(Integer::intValue).toArray();
    }

    /** Each film's place in the popularity order: 1 for the most rated film (ties share the better place). */
    public static int[] popularityRank(int[] timesRated) {
        int[] rank = new int[timesRated.length];
        for (int f = 0; f < rank.length; f++) {
            int above = 0;
            for (int count : timesRated) if (count > timesRated[f]) above++;
            rank[f] = above + 1;
        }
        return rank;
    }
}
