package creativeai.training;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a {@link TrainingLoop} stands, as its listeners see it: the rounds done (a resumed run counts the earlier
 * ones), steps done in the current round, seconds spent in training steps (listeners' own work, such as judging,
 * not counted), and the file of the last checkpoint. A listener may {@link #stop} the run after the current step.
 */
public final class TrainingRun {
    private final String title;
    private final List<String> lossNames;
    private final int stepsPerRound;
    private final Budget budget;
    private int rounds;
    private int step;
    private double seconds;
    private Path checkpoint;
    private String stopReason;
    private boolean betweenRounds;

    TrainingRun(String title, List<String> lossNames, int stepsPerRound, Budget budget, int roundsDone, double secondsDone) {
        this.title = title;
        this.lossNames = List.copyOf(lossNames);
        this.stepsPerRound = stepsPerRound;
        this.budget = budget;
        this.rounds = roundsDone;
        this.seconds = secondsDone;
    }

    public String title() {
        return title;
    }

    public List<String> lossNames() {
        return lossNames;
    }

    public int stepsPerRound() {
        return stepsPerRound;
    }

    public Budget budget() {
        return budget;
    }

    /** Rounds finished, those of earlier runs included. */
    public int rounds() {
        return rounds;
    }

    /** Steps done in the current round (after {@link TrainingListener#roundEnded}: in the round just ended). */
    public int step() {
        return step;
    }

    /**
     * Where training stands in rounds, with a fraction for the steps of the current round: the x of a curve.
     * After a round it is where that round ended (a round cut short by the clock ends before its whole number).
     */
    public double position() {
        return (betweenRounds ? rounds - 1 : rounds) + (double) step / stepsPerRound;
    }

    /** Seconds spent in training steps, those of earlier runs included. */
    public double seconds() {
        return seconds;
    }

    /** The last checkpoint written, if any: named when a run fails, so nothing good is lost. */
    public Optional<Path> checkpoint() {
        return Optional.ofNullable(checkpoint);
    }

    /** Called by whoever saved the model. */
    public void saved(Path file) {
        checkpoint = file;
    }

    /** Ends the run after the current step; the round it is in ends and counts. */
    public void stop(String reason) {
        stopReason = reason;
    }

    /** Why a listener stopped the run, if one did. */
    public Optional<String> stopReason() {
        return Optional.ofNullable(stopReason);
    }

    void stepDone(double stepSeconds) {
        step++;
        seconds += stepSeconds;
    }

    void roundDone() {
        rounds++;
        betweenRounds = true;
    }

    void nextRound() {
        step = 0;
        betweenRounds = false;
    }

    boolean goesOn() {
        return stopReason == null && budget.allows(rounds, seconds);
    }

    boolean roundGoesOn() {
        return step < stepsPerRound && goesOn();   // the round's own number is not counted yet, so only the clock or a stop ends it
    }
}
