package creativeai.sequence;

import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Environment;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A DL4J recurrent network (chapter 2's LSTM) as a {@link NextTokenModel}. Its reader keeps the LSTM's state
 * between calls ({@code rnnTimeStep}), so writing a token costs one step, not the whole text again. Its reader
 * runs with ND4J's oneDNN versions of the ops switched off: one token at a time, the matrix products are too small
 * for them (chapter 2's LSTM writes about 25 % more tokens a second without, chapter 3's 12 %; bench/RESULTS.md),
 * while training on whole batches keeps them.
 */
final class RecurrentModel implements NextTokenModel {
    private final MultiLayerNetwork net;

    RecurrentModel(MultiLayerNetwork net) {
        this.net = net;
    }

    @Override
    public int vocabularySize() {
        return (int) net.layerInputSize(0);
    }

    /** DL4J's score sums the loss over the time steps of the last fitted segment: the TBPTT length, or the window. */
    @Override
    public double learn(DataSet batch) {
        net.fit(batch);
        var conf = net.getLayerWiseConfigurations();
        int window = (int) batch.getFeatures().size(2);
        int scored = conf.getBackpropType() == BackpropType.TruncatedBPTT ? Math.min(conf.getTbpttFwdLength(), window) : window;
        return net.score() / scored / Math.log(2);
    }

    @Override
    public INDArray probabilities(INDArray windows) {
        return net.output(windows, false);
    }

    @Override
    public Reader reader() {
        net.rnnClearPreviousState();
        int vocabularySize = vocabularySize();
        return tokens -> {
            Environment environment = Nd4j.getEnvironment();
            boolean helpers = environment.helpersAllowed();
            environment.allowHelpers(false);
            try {
                INDArray out = net.rnnTimeStep(TokenWindows.oneHot(tokens, vocabularySize));
                return out.get(NDArrayIndex.point(0), NDArrayIndex.all(), NDArrayIndex.point(out.size(2) - 1)).toDoubleVector();
            } finally {
                environment.allowHelpers(helpers);
            }
        };
    }

    @Override
    public Path save(TrainingHistory history, Path file) throws IOException {
        return Checkpoints.save(net, history, file);
    }
}
