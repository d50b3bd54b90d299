package creativeai.training;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * How long a training runs: a number of rounds (epochs), a number of seconds of training steps, or whichever of
 * the two ends first. A time budget lets two models be compared at the same wall-clock cost; the round it runs
 * out in ends early and counts as one. Made by {@link #rounds}, {@link #seconds} and {@link #orSeconds}: there is
 * no "1000 epochs" standing for "until the time is up".
 */
public record Budget(OptionalInt rounds, OptionalDouble seconds) {
    public Budget {
        if (rounds.isEmpty() && seconds.isEmpty()) throw new IllegalArgumentException("a budget needs rounds, seconds or both");
        if (rounds.isPresent() && rounds.getAsInt() < 1) throw new IllegalArgumentException("train at least 1 round, not " + rounds.getAsInt());
        if (seconds.isPresent() && !(seconds.getAsDouble() > 0 && seconds.getAsDouble() < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("a time budget must be a positive number of seconds, not " + seconds.getAsDouble());
        }
    }

    /** Exactly {@code count} rounds (epochs). */
    public static Budget rounds(int count) {
        return new Budget(OptionalInt.of(count), OptionalDouble.empty());
    }

    /** The same as {@link #rounds}, in the words of the text chapters: an epoch is one pass over the data. */
    public static Budget epochs(int count) {
        return rounds(count);
    }

    /** As many rounds as {@code seconds} of training steps allow. */
    public static Budget seconds(double seconds) {
        return new Budget(OptionalInt.empty(), OptionalDouble.of(seconds));
    }

    /** These rounds, but no more than {@code limit} seconds. */
    public Budget orSeconds(double limit) {
        return new Budget(rounds, OptionalDouble.of(limit));
    }

    /** Whether a run that has done {@code roundsDone} rounds in {@code secondsSpent} seconds may go on. */
    public boolean allows(int roundsDone, double secondsSpent) {
        return (rounds.isEmpty() || roundsDone < rounds.getAsInt()) && (seconds.isEmpty() || secondsSpent < seconds.getAsDouble());
    }
}
