package creativeai.sequence;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What training has done so far, epoch by epoch: training and validation bits per token and seconds spent.
 * It is saved inside every checkpoint, so a resumed run continues the same curves.
 */
public final class TrainingHistory implements Serializable {
    private static final long serialVersionUID = 1L;
    private final List<double[]> epochs = new ArrayList<>(); // {training bits, validation bits, seconds}

    public void add(double trainingBits, double validationBits, double seconds) {
        epochs.add(new double[] {trainingBits, validationBits, seconds});
    }

    public int epochs() {
        return epochs.size();
    }

    public double trainingBits(int epoch) {
        return epochs.get(epoch)[0];
    }

    public double validationBits(int epoch) {
        return epochs.get(epoch)[1];
    }

    public double lastValidationBits() {
        return epochs.isEmpty() ? Double.NaN : validationBits(epochs.size() - 1);
    }

    public double seconds() {
        return epochs.stream().mapToDouble(e -> e[2]).sum();
    }
}
