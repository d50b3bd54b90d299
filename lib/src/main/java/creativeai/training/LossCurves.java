package creativeai.training;

import java.util.Arrays;
import java.util.List;

/**
 * Live curves of a {@link TrainingLoop}'s losses against rounds, one series per loss. Each point is the mean of
 * a few steps (single steps of a GAN are too noisy to read): by default 1/25 of a round, so a curve has 25 points a
 * round, each drawn at the middle of the steps it averages. Other listeners add their own points with {@link #add} (validation scores after every round).
 */
public final class LossCurves implements TrainingListener {
    private final String title;
    private final String xLabel;
    private final String unit;
    private List<String> series;
    private String[] markers = new String[0];
    private int every;
    private TrainingView.Curves curves;
    private double[] sums;
    private int summed;

    private LossCurves(String title, String xLabel, String unit) {
        this.title = title;
        this.xLabel = xLabel;
        this.unit = unit;
    }

    /** Curves titled {@code title}, x in {@code xLabel} (rounds, epochs), y in {@code unit}. */
    public static LossCurves of(String title, String xLabel, String unit) {
        return new LossCurves(title, xLabel, unit);
    }

    /** Each point is the mean of this many steps (1: every step's loss). */
    public LossCurves every(int steps) {
        if (steps < 1) throw new IllegalArgumentException("a point needs at least 1 step, not " + steps);
        every = steps;
        return this;
    }

    /** Names the series of the losses, in the order the steps return them (by default the losses' names). */
    public LossCurves series(String... names) {
        series = List.of(names);
        return this;
    }

    /** Series drawn with markers as well as lines (few points, e.g. one a round). */
    public LossCurves markers(String... names) {
        markers = names.clone();
        return this;
    }

    @Override
    public void started(TrainingRun run) {
        if (series == null) series = run.lossNames();
        if (every == 0) every = Math.max(1, run.stepsPerRound() / 25);
        curves = TrainingView.standard().curves(title, xLabel, unit).markers(markers);
        curves.xAxis(0, run.budget().rounds().isPresent() ? run.budget().rounds().getAsInt() : Double.NaN);
        sums = new double[series.size()];
        summed = 0;
    }

    @Override
    public void stepped(TrainingRun run, double[] losses) {
        for (int i = 0; i < sums.length; i++) sums[i] += losses[i];
        if (++summed < every) return;
        double middle = run.position() - summed / (2.0 * run.stepsPerRound());   // the mean belongs in the middle of its steps
        for (int i = 0; i < sums.length; i++) curves.add(series.get(i), middle, sums[i] / summed);
        Arrays.fill(sums, 0);
        summed = 0;
    }

    /** A point of another series, e.g. the validation loss after a round. */
    public void add(String name, double x, double y) {
        if (curves == null) throw new IllegalStateException("the curves start with the training: add points from a listener");
        curves.add(name, x, y);
    }

    @Override
    public void finished(TrainingRun run) {
        curves.finish();
    }
}
