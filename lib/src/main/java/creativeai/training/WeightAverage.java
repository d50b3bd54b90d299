package creativeai.training;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An exponential moving average of a network's weights, updated after every training step: w̄ ← d·w̄ + (1 − d)·w.
 * Samples drawn with the average are smoother than those of the last step's weights, which jitter with each batch;
 * every diffusion codebase samples from it. The decay warms up as (1 + n) / (10 + n) after n steps until it reaches
 * {@code decay}, so that a short run does not average in its random start. When the training ends the network holds
 * the average ({@link #useAverage}); {@link #useLastStep} puts the last step's weights back, to compare the two.
 */
public final class WeightAverage implements TrainingListener {
    private final SameDiff net;
    private final double decay;
    private final Map<String, INDArray> averages = new LinkedHashMap<>();
    private final Map<String, INDArray> lastStep = new LinkedHashMap<>();
    private long updates;
    private boolean holdsAverage;

    private WeightAverage(SameDiff net, double decay) {
        if (!(decay > 0 && decay < 1)) throw new IllegalArgumentException("a moving average's decay is between 0 and 1 (e.g. 0.999), not " + decay);
        this.net = net;
        this.decay = decay;
        for (SDVariable weight : net.variables()) {
            if (weight.getVariableType() == VariableType.VARIABLE) averages.put(weight.name(), weight.getArr().dup());
        }
        if (averages.isEmpty()) throw new IllegalArgumentException("the network has no trainable weights to average");
    }

    /** An average of {@code net}'s trainable weights with this decay per step (0 < decay < 1). */
    public static WeightAverage of(SameDiff net, double decay) {
        return new WeightAverage(net, decay);
    }

    /** The decay used after {@code steps} steps: the warm-up's (1 + n) / (10 + n), at most the one asked for. */
    public double decayAfter(long steps) {
        return Math.min(decay, (1.0 + steps) / (10.0 + steps));
    }

    @Override
    public void started(TrainingRun run) {
        if (holdsAverage) useLastStep();   // training goes on from the last step's weights, not from their average
    }

    @Override
    public void stepped(TrainingRun run, double[] losses) {
        double d = decayAfter(updates++);
        averages.forEach((name, average) -> average.muli(d).addi(net.getArrForVarName(name).mul(1 - d)));
    }

    @Override
    public void finished(TrainingRun run) {
        useAverage();
    }

    /** Steps averaged so far. */
    public long updates() {
        return updates;
    }

    /** The network now holds the averaged weights (the last step's are kept for {@link #useLastStep}). */
    public void useAverage() {
        if (holdsAverage) return;
        averages.forEach((name, average) -> {
            INDArray weights = net.getArrForVarName(name);
            lastStep.put(name, weights.dup());
            weights.assign(average);
        });
        holdsAverage = true;
    }

    /** The network holds the last training step's weights again. */
    public void useLastStep() {
        if (!holdsAverage) return;
        lastStep.forEach((name, weights) -> net.getArrForVarName(name).assign(weights));
        holdsAverage = false;
    }
}
