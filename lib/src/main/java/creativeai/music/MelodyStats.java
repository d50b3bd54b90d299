package creativeai.music;

import java.util.List;

/**
 * Numbers that say whether melodies sound like a corpus: how often each pitch class is used, how often each
 * melodic step (interval, −12 to +12 semitones) is taken, and what share of notes lie in a scale. Two sets of
 * melodies are compared by the total variation distance between their distributions (0 = the same, 1 = no
 * overlap).
 */
public final class MelodyStats {
    public static final int MAX_INTERVAL = 12;

    private MelodyStats() {
    }

    /** Share of notes on each pitch class C..B (rests are not counted). */
    public static double[] pitchClasses(List<List<Note>> melodies) {
        double[] counts = new double[12];
        for (List<Note> melody : melodies) for (Note n : melody) if (!n.isRest()) counts[n.pitchClass()]++;
        return normalise(counts);
    }

    /** Share of each step between consecutive notes (rests skipped), clipped to ±12 semitones. */
    public static double[] intervals(List<List<Note>> melodies) {
        double[] counts = new double[2 * MAX_INTERVAL + 1];
        for (List<Note> melody : melodies) {
            int previous = Note.REST;
            for (Note n : melody) {
                if (n.isRest()) continue;
                if (previous != Note.REST) counts[Math.max(-MAX_INTERVAL, Math.min(MAX_INTERVAL, n.pitch() - previous)) + MAX_INTERVAL]++;
                previous = n.pitch();
            }
        }
        return normalise(counts);
    }

    /** Share of notes whose pitch class is in the key's scale. */
    public static double inScale(List<List<Note>> melodies, Key key) {
        long in = 0, all = 0;
        for (List<Note> melody : melodies) {
            for (Note n : melody) {
                if (n.isRest()) continue;
                all++;
                if (key.inScale(n.pitchClass())) in++;
            }
        }
        return all == 0 ? 0 : in / (double) all;
    }

    /** Total variation distance: half the sum of absolute differences. */
    public static double distance(double[] p, double[] q) {
        if (p.length != q.length) throw new IllegalArgumentException("distributions of different sizes");
        double sum = 0;
        for (int i = 0; i < p.length; i++) sum += Math.abs(p[i] - q[i]);
        return sum / 2;
    }

    /** A note as one int (pitch and length in 48ths of a quarter), for copy checks with {@link creativeai.originality.LongestCopy}. */
    public static int[] codes(List<Note> melody) {
        return melody.stream().mapToInt(n -> (n.pitch() + 1) * 100_000 + (int) Math.round(n.quarters() * 48)).toArray();
    }

    private static double[] normalise(double[] counts) {
        double total = 0;
        for (double c : counts) total += c;
        if (total == 0) return counts;
        for (int i = 0; i < counts.length; i++) counts[i] /= total;
        return counts;
    }
}
