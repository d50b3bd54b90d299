package creativeai.sequence;

import creativeai.backend.Graphs;
import creativeai.data.ZipParts;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A next-token model that a notebook writes as a SameDiff graph (chapter 6's Transformer), run by the names of
 * its parts: placeholders {@code input} and {@code labels} (one-hot, {@code [batch, context, vocabulary]}),
 * variables {@code logProbabilities} (of every next token, {@code [batch · context, vocabulary]}), {@code loss}
 * (their cross-entropy, nats per token: the graph's loss, whose value ND4J does not compute while training)
 * and, for each layer {@code l}, {@code attention<l>} ({@code [batch, heads, context, context]}: how much each
 * position looks at each earlier one). The context is fixed by the graph: a shorter text is padded after its
 * end with zero vectors, which a causal model never looks at, and a longer one is a clear error.
 */
public final class GraphTokenModel implements NextTokenModel {
    private static final List<String> PARTS = List.of("input", "labels", "logProbabilities", "loss");
    private static final String HISTORY = "history.ser";
    private final SameDiff graph;
    private final int context;
    private final int vocabularySize;
    private final int layers;
    private double lastLoss = Double.NaN;
    private INDArray labelsOfThisStep;
    private final Listener lossOfEachStep = Graphs.duringTraining(List.of("logProbabilities"),
            (name, logP) -> lastLoss = crossEntropy(labelsOfThisStep, logP));

    /** Wraps a graph that has every named part (see above) and a training configuration. */
    public GraphTokenModel(SameDiff graph) {
        Graphs.requireParts(graph, PARTS, "the language model's graph");
        long[] shape = graph.getVariable("input").getShape();
        if (shape == null || shape.length != 3 || shape[1] < 1 || shape[2] < 1) {
            throw new IllegalArgumentException("the input placeholder must be [-1, context, vocabulary], with both sizes fixed");
        }
        this.graph = graph;
        this.context = (int) shape[1];
        this.vocabularySize = (int) shape[2];
        int l = 0;
        while (graph.hasVariable("attention" + l)) l++;
        this.layers = l;
        Graphs.withGradients(graph);
    }

    /** A model and the history of the training that made it. */
    public record Saved(GraphTokenModel model, TrainingHistory history) {
    }

    public SameDiff graph() {
        return graph;
    }

    /** The most tokens the model reads at once. */
    public int context() {
        return context;
    }

    @Override
    public int vocabularySize() {
        return vocabularySize;
    }

    /** Transformer blocks in the graph: one per {@code attention<l>} variable. */
    public int layers() {
        return layers;
    }

    /** Trainable numbers in the graph. */
    public long parameters() {
        return graph.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                .mapToLong(v -> v.getArr().length()).sum();
    }

    /**
     * Fails, naming them, if a step on {@code batch} leaves any parameter where it was, or if the graph holds a
     * constant other than {@code causalMask} (see {@link Graphs#requireEveryParameterLearns}); the model itself is
     * not trained.
     */
    public Graphs.LearningCheck requireEveryParameterLearns(DataSet batch) {
        INDArray input = timeMajor(batch.getFeatures()), labels = timeMajor(batch.getLabels());
        return Graphs.requireEveryParameterLearns(graph, new MultiDataSet(new INDArray[] {input, labels}, new INDArray[0]), "causalMask");
    }

    @Override
    public double learn(DataSet batch) {
        INDArray input = timeMajor(batch.getFeatures()), labels = timeMajor(batch.getLabels());
        labelsOfThisStep = labels;
        lastLoss = Double.NaN;
        graph.fit(new MultiDataSet(new INDArray[] {input, labels}, new INDArray[0]), lossOfEachStep);
        input.close();
        labels.close();
        return lastLoss / Math.log(2);
    }

    @Override
    public INDArray probabilities(INDArray windows) {
        INDArray input = timeMajor(windows);
        INDArray p = Transforms.exp(graph.output(Map.of("input", input), "logProbabilities").get("logProbabilities"), false);
        input.close();
        INDArray recurrentLayout = p.reshape(windows.size(0), context, vocabularySize).permute(0, 2, 1).dup('c');
        p.close();
        return recurrentLayout;
    }

    /** Rereads the last {@link #context} tokens at every step: a Transformer has no state to carry. */
    @Override
    public Reader reader() {
        List<Integer> text = new ArrayList<>();
        return tokens -> {
            for (int token : tokens) text.add(token);
            int[] seen = text.subList(Math.max(0, text.size() - context), text.size()).stream().mapToInt(Integer::intValue).toArray();
            INDArray window = padded(seen);
            INDArray logP = graph.output(Map.of("input", window), "logProbabilities").get("logProbabilities");
            double[] next = Transforms.exp(logP.getRow(seen.length - 1), true).toDoubleVector();
            window.close();
            logP.close();
            return next;
        };
    }

    /**
     * What each position of {@code tokens} looks at, per layer and head: {@code [layer][head][position][earlier position]},
     * each row summing to 1. {@code tokens} must fit in the context.
     */
    public double[][][][] attention(int[] tokens) {
        if (layers == 0) throw new IllegalStateException("the graph names no attention0, attention1, ...: nothing to show");
        String[] names = new String[layers];
        for (int l = 0; l < layers; l++) names[l] = "attention" + l;
        Map<String, INDArray> out = graph.output(Map.of("input", padded(tokens)), names);
        double[][][][] weights = new double[layers][][][];
        for (int l = 0; l < layers; l++) {
            INDArray a = out.get(names[l]);
            int heads = (int) a.size(1);
            weights[l] = new double[heads][][];
            for (int h = 0; h < heads; h++) {
                weights[l][h] = a.get(NDArrayIndex.point(0), NDArrayIndex.point(h), NDArrayIndex.interval(0, tokens.length),
                        NDArrayIndex.interval(0, tokens.length)).toDoubleMatrix();
            }
        }
        return weights;
    }

    /** Saves graph, optimiser state and history in one file, atomically ({@link Graphs#save}, with the history beside). */
    @Override
    public Path save(TrainingHistory history, Path file) throws IOException {
        return Graphs.save(graph, file, Map.of(HISTORY, out -> {
            try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
                objects.writeObject(history == null ? new TrainingHistory() : history);
            }
        }));
    }

    /** A model saved by {@link #save}, ready to sample from or to train on. */
    public static Saved load(Path file) throws IOException {
        ZipParts.Parts parts = ZipParts.read(file, Graphs.PART, HISTORY);
        return new Saved(new GraphTokenModel(Graphs.graph(parts)), parts.get(HISTORY, in -> (TrainingHistory) new ObjectInputStream(in).readObject()));
    }

    /** Mean −log p of the labelled tokens, in nats: the loss, from the log-probabilities a training step computed. */
    private static double crossEntropy(INDArray labels, INDArray logProbabilities) {
        INDArray picked = labels.reshape(logProbabilities.shape()).mul(logProbabilities);
        double nats = -picked.sumNumber().doubleValue() / logProbabilities.rows();
        picked.close();
        return nats;
    }

    /** One-hot tokens as a single window, padded with zero vectors after the text. */
    private INDArray padded(int[] tokens) {
        if (tokens.length == 0) throw new IllegalArgumentException("the text is empty: give at least one token");
        if (tokens.length > context) {
            throw new IllegalArgumentException("the model reads at most " + context + " tokens at once, not " + tokens.length
                    + ": pass the last " + context);
        }
        float[] data = new float[context * vocabularySize];
        for (int t = 0; t < tokens.length; t++) {
            if (tokens[t] < 0 || tokens[t] >= vocabularySize) {
                throw new IllegalArgumentException("token " + tokens[t] + " at position " + t + " is outside the vocabulary of " + vocabularySize);
            }
            data[t * vocabularySize + tokens[t]] = 1;
        }
        return Nd4j.create(data, new long[] {1, context, vocabularySize}, 'c');
    }

    private void requireWindows(INDArray windows) {
        if (windows.rank() != 3 || windows.size(1) != vocabularySize || windows.size(2) != context) {
            throw new IllegalArgumentException("expected one-hot windows [batch, " + vocabularySize + ", " + context + "], not "
                    + java.util.Arrays.toString(windows.shape()) + ": cut the text into windows of the model's context");
        }
    }

    /** DL4J's recurrent layout {@code [batch, vocabulary, time]} as the Transformer reads it, {@code [batch, time, vocabulary]}. */
    private INDArray timeMajor(INDArray windows) {
        requireWindows(windows);
        return windows.permute(0, 2, 1).dup('c').castTo(DataType.FLOAT);
    }
}
