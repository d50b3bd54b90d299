package creativeai.recommend;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How good a set of top-N lists is, one list per user, measured the way users meet them, against what each user
 * liked next (the test set): precision@N (the share of a list they liked), recall@N (the share of what they liked
 * that the list found), catalogue coverage (the share of all films recommended to anyone), novelty (the mean
 * popularity rank of the films recommended: 1 is the most rated film, higher is less obvious), and genre
 * diversity within a list (see {@link #diversity}). Users with nothing liked in the test set are left out of
 * precision and recall, as is usual.
 */
public record ListQuality(double precision, double recall, double coverage, double novelty, double diversity, int usersScored) {

    /**
     * Scores {@code lists} (one per user number; null for users given no list) against {@code liked} (per user, the
     * test films they liked).
     */
    public static ListQuality of(List<int[]> lists, List<Set<Integer>> liked, int[] popularityRank, Catalogue catalogue) {
        if (lists.size() != liked.size()) throw new IllegalArgumentException(lists.size() + " lists but " + liked.size() + " users with test films");
        double precision = 0, recall = 0, novelty = 0, diversity = 0;
        int scored = 0, recommended = 0, listed = 0;
        Set<Integer> everRecommended = new HashSet<>();
        for (int u = 0; u < lists.size(); u++) {
            int[] list = lists.get(u);
            if (list == null) continue;
            listed++;
            for (int f : list) {
                everRecommended.add(f);
                novelty += popularityRank[f];
                recommended++;
            }
            diversity += diversity(list, catalogue);
            if (liked.get(u).isEmpty() || list.length == 0) continue;
            int hits = 0;
            for (int f : list) if (liked.get(u).contains(f)) hits++;
            precision += (double) hits / list.length;
            recall += (double) hits / liked.get(u).size();
            scored++;
        }
        if (listed == 0) throw new IllegalArgumentException("no lists to score");
        return new ListQuality(scored == 0 ? 0 : precision / scored, scored == 0 ? 0 : recall / scored,
                (double) everRecommended.size() / catalogue.films(), recommended == 0 ? 0 : novelty / recommended, diversity / listed, scored);
    }

    /**
     * Genre diversity of a list (intra-list diversity): the mean, over every pair of its films, of their genre
     * distance 1 − |A ∩ B| / |A ∪ B| (0 for two films of exactly the same genres, 1 for films sharing none).
     * 0 for lists of fewer than two films.
     */
    public static double diversity(int[] films, Catalogue catalogue) {
        if (films.length < 2) return 0;
        double sum = 0;
        for (int i = 0; i < films.length; i++) {
            for (int j = i + 1; j < films.length; j++) sum += genreDistance(films[i], films[j], catalogue);
        }
        return sum / (films.length * (films.length - 1) / 2.0);
    }

    /** 1 − |A ∩ B| / |A ∪ B| for the two films' genre sets (0 when neither has a genre). */
    public static double genreDistance(int a, int b, Catalogue catalogue) {
        Set<String> union = new HashSet<>(catalogue.genres(a));
        union.addAll(catalogue.genres(b));
        if (union.isEmpty()) return 0;
        long shared = catalogue.genres(a).stream().filter(catalogue.genres(b)::contains).count();
        return 1 - (double) shared / union.size();
    }
}
