package creativeai.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The course's one training loop: rounds of steps until a {@link Budget} is spent, with {@link TrainingListener}s
 * for everything around the steps. What a step does is the caller's: a batch of windows for a language model
 * ({@code sequence.Trainer}), a batch of images for a GAN or VAE ({@code image.ImageTrainer}), one REINFORCE update
 * or one Adam step on ratings written in a notebook. The loop honours the stop button once a step
 * ({@link Interrupts}), times the steps alone, and stops with advice when a loss turns into NaN or infinity,
 * naming the last good checkpoint.
 */
public final class TrainingLoop {
    /** One step of training: it learns from the {@code step}-th batch of round {@code round} and returns its losses. */
    @FunctionalInterface
    public interface Step {
        double[] learn(int round, int step);
    }

    private final String title;
    private final List<String> lossNames;
    private final int stepsPerRound;
    private final Step step;
    private final List<TrainingListener> listeners = new ArrayList<>();
    private Budget budget;
    private int roundsDone;
    private double secondsDone;

    private TrainingLoop(String title, int stepsPerRound, Step step, List<String> lossNames) {
        if (stepsPerRound < 1) throw new IllegalArgumentException(title + ": a round needs at least 1 step, not " + stepsPerRound);
        if (lossNames.isEmpty()) throw new IllegalArgumentException(title + ": name the losses a step returns");
        this.title = title;
        this.stepsPerRound = stepsPerRound;
        this.step = step;
        this.lossNames = List.copyOf(lossNames);
    }

    /** A loop of rounds of {@code stepsPerRound} steps; each step returns the losses named, in that order. */
    public static TrainingLoop of(String title, int stepsPerRound, Step step, String... lossNames) {
        return new TrainingLoop(title, stepsPerRound, step, Arrays.asList(lossNames));
    }

    /** How long to train (required). */
    public TrainingLoop budget(Budget budget) {
        this.budget = budget;
        return this;
    }

    /** Continues a run that has already done {@code rounds} rounds in {@code seconds} seconds of steps. */
    public TrainingLoop resume(int rounds, double seconds) {
        this.roundsDone = rounds;
        this.secondsDone = seconds;
        return this;
    }

    /** Adds listeners, called in this order after those added before. */
    public TrainingLoop listen(TrainingListener... more) {
        listeners.addAll(Arrays.asList(more));
        return this;
    }

    /** Trains until the budget is spent or a listener stops the run; returns where it ended. */
    public TrainingRun run() {
        if (budget == null) throw new IllegalStateException(title + ": say how long to train (budget(Budget.rounds(n)) or Budget.seconds(s))");
        TrainingRun run = new TrainingRun(title, lossNames, stepsPerRound, budget, roundsDone, secondsDone);
        listeners.forEach(l -> l.started(run));
        while (run.goesOn()) {
            run.nextRound();
            while (run.roundGoesOn()) {
                Interrupts.check(title);
                long start = System.nanoTime();
                double[] losses = step.learn(run.rounds(), run.step());
                run.stepDone((System.nanoTime() - start) / 1e9);
                requireFinite(run, losses);
                listeners.forEach(l -> l.stepped(run, losses));
            }
            run.roundDone();
            listeners.forEach(l -> l.roundEnded(run));
        }
        listeners.forEach(l -> l.finished(run));
        return run;
    }

    private static void requireFinite(TrainingRun run, double[] losses) {
        for (int i = 0; i < losses.length; i++) {
            if (Double.isFinite(losses[i])) continue;
            throw new IllegalStateException(run.title() + ": the " + run.lossNames().get(i) + " loss became " + losses[i] + " in round "
                    + (run.rounds() + 1) + ", step " + run.step() + ": the learning rate is probably too high (lower it, or clip gradients harder)"
                    + run.checkpoint().map(file -> "; the last good checkpoint is " + file).orElse(""));
        }
    }
}
