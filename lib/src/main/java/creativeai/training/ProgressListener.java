package creativeai.training;

/**
 * A progress bar for a {@link TrainingLoop}: it counts steps, or seconds when the clock sets the end, and shows
 * each step's losses; {@link #metric} adds a value computed elsewhere (a validation score after a round). A run
 * with nothing left to do (a loaded model whose budget is spent) shows no bar.
 */
public final class ProgressListener implements TrainingListener {
    private TrainingView.Progress bar;
    private boolean bySeconds;
    private double startSeconds;

    @Override
    public void started(TrainingRun run) {
        Budget budget = run.budget();
        if (!budget.allows(run.rounds(), run.seconds())) return;
        bySeconds = budget.rounds().isEmpty();
        startSeconds = run.seconds();
        bar = bySeconds
                ? TrainingView.standard().progress(run.title() + String.format(" (%.0f s)", budget.seconds().getAsDouble()),
                        (int) Math.ceil(budget.seconds().getAsDouble() - run.seconds()))
                : TrainingView.standard().progress(run.title(), Math.max(0, budget.rounds().getAsInt() - run.rounds()) * run.stepsPerRound());
    }

    @Override
    public void stepped(TrainingRun run, double[] losses) {
        if (bar == null) return;
        if (bySeconds) {
            bar.metric(run.lossNames().get(0), losses[0]);
            bar.advanceTo((int) (run.seconds() - startSeconds));
        } else {
            bar.step(run.lossNames().get(0), losses[0]);
        }
        for (int i = 1; i < losses.length; i++) bar.metric(run.lossNames().get(i), losses[i]);
    }

    /** A run that used its whole budget shows a full bar, also when its clock ran out between two whole seconds. */
    @Override
    public void finished(TrainingRun run) {
        if (bar != null && !run.budget().allows(run.rounds(), run.seconds())) bar.complete();
    }

    /** Shows a value next to the bar, e.g. the validation loss after a round. */
    public void metric(String name, double value) {
        if (bar != null) bar.metric(name, value);
    }
}
