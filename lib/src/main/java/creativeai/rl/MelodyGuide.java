package creativeai.rl;

import creativeai.music.MelodyEncoding;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Chapter 3's melody LSTM listening to a batch of melodies as the {@link MelodyTask} writes them, step by step,
 * and saying how likely it finds each next action: its next-token probabilities limited to the task's actions and
 * renormalised. It reads the melodies as it learned tunes: moved to C major or A minor, a sixteenth-note grid
 * (each eighth note is the action's token then a hold), a bar line every bar, a tune starting after an end token.
 */
public final class MelodyGuide {
    private final MultiLayerNetwork lstm;
    private final int[] tokenOfAction = new int[MelodyTask.actions()];
    private INDArray lastOutput;
    private int count;

    public MelodyGuide(MultiLayerNetwork lstm) {
        long outputs = lstm.layerSize(lstm.getnLayers() - 1);
        if (outputs != MelodyEncoding.vocabularySize()) {
            throw new IllegalArgumentException("the guide must be a melody model of " + MelodyEncoding.vocabularySize() + " tokens (chapter 3's), not " + outputs);
        }
        this.lstm = lstm;
        for (int action = 0; action < tokenOfAction.length; action++) {
            tokenOfAction[action] = action == MelodyTask.HOLD ? MelodyEncoding.HOLD
                    : action == MelodyTask.REST ? MelodyEncoding.REST : MelodyEncoding.pitchToken(MelodyTask.pitch(action));
        }
    }

    /** Begins {@code count} new melodies (the task must be in C major or A minor, the keys the model learned in). */
    public void start(MelodyTask task, int count) {
        boolean commonKey = task.key().tonic() == (task.key().isMinor() ? 9 : 0);
        if (!commonKey) throw new IllegalArgumentException("the melody model learned tunes in C major or A minor, not " + task.key().name());
        this.count = count;
        lstm.rnnClearPreviousState();
        feed(MelodyEncoding.END);
    }

    /** For each melody, the probability of each action at this step (rows: melodies; columns: actions). */
    public double[][] next(int step) {
        if (lastOutput == null) throw new IllegalStateException("call start(...) first");
        if (step % MelodyTask.STEPS_PER_BAR == 0) feed(MelodyEncoding.BAR);
        double[][] probabilities = new double[count][tokenOfAction.length];
        for (int m = 0; m < count; m++) {
            double total = 0;
            for (int a = 0; a < tokenOfAction.length; a++) total += probabilities[m][a] = lastOutput.getDouble(m, tokenOfAction[a]);
            for (int a = 0; a < tokenOfAction.length; a++) probabilities[m][a] /= total;
        }
        return probabilities;
    }

    /** Tells the model the actions chosen at this step, one per melody. */
    public void play(int[] actions) {
        if (actions.length != count) throw new IllegalArgumentException(actions.length + " actions for " + count + " melodies");
        INDArray in = Nd4j.zeros(count, MelodyEncoding.vocabularySize());
        for (int m = 0; m < count; m++) in.putScalar(m, tokenOfAction[actions[m]], 1);
        lastOutput = lstm.rnnTimeStep(in);
        feed(MelodyEncoding.HOLD);   // the second sixteenth of the eighth note
    }

    private void feed(int token) {
        INDArray in = Nd4j.zeros(count, MelodyEncoding.vocabularySize());
        for (int m = 0; m < count; m++) in.putScalar(m, token, 1);
        lastOutput = lstm.rnnTimeStep(in);
    }
}
