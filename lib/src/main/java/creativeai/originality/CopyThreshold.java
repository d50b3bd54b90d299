package creativeai.originality;

import java.util.Arrays;

/**
 * The line beyond which a generated work is called a likely copy, drawn from works the model never saw. Held-out
 * images are never closer to a training image than some distance, and held-out texts and tunes share runs of
 * some length with the training set by chance; a generated work that goes further than nearly all of them
 * ({@code quantile}: 0.99 means further than 99 % of held-out works) is flagged. Calibrating on held-out data
 * makes the line fair to each medium: a 4-note run is common in folk tunes, a 40-character one is not in sonnets.
 */
public record CopyThreshold(double line, boolean smallerIsCopy, double[] heldOut) {
    public CopyThreshold {
        heldOut = heldOut.clone();
    }

    /** Distances to the nearest training item: closer than all but {@code 1 − quantile} of held-out items is a copy. */
    public static CopyThreshold forDistances(double[] heldOutDistances, double quantile) {
        return new CopyThreshold(quantile(heldOutDistances, 1 - quantile), true, heldOutDistances);
    }

    /** Lengths of the longest run shared with the training set: longer than {@code quantile} of held-out items is a copy. */
    public static CopyThreshold forLengths(double[] heldOutLengths, double quantile) {
        return new CopyThreshold(quantile(heldOutLengths, quantile), false, heldOutLengths);
    }

    public static CopyThreshold forLengths(int[] heldOutLengths, double quantile) {
        return forLengths(Arrays.stream(heldOutLengths).asDoubleStream().toArray(), quantile);
    }

    public boolean isCopy(double score) {
        return smallerIsCopy ? score < line : score > line;
    }

    /** How many of {@code scores} are flagged as copies. */
    public int copies(double[] scores) {
        return (int) Arrays.stream(scores).filter(this::isCopy).count();
    }

    /** The {@code q}-quantile of the values, interpolating between neighbours (q = 0.5: the median). */
    static double quantile(double[] values, double q) {
        if (values.length == 0) throw new IllegalArgumentException("no held-out values to calibrate on");
        if (q < 0 || q > 1) throw new IllegalArgumentException("a quantile is between 0 and 1, not " + q);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double at = q * (sorted.length - 1);
        int below = (int) Math.floor(at);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (at - below) * (sorted[above] - sorted[below]);
    }
}
