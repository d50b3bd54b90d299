package creativeai.backend;

import creativeai.data.ZipParts;
import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** What every SameDiff graph a notebook writes needs from the wrappers that run it, done once, in one place. */
public final class Graphs {
    /** The name of a graph's part in a checkpoint file. */
    public static final String PART = "graph.sd";

    private Graphs() {
    }

    /**
     * Saves a graph with its optimiser state (so training can resume) as the one part of the checkpoint {@code file}
     * ({@link ZipParts}), atomically: an interrupted save leaves the old file. Returns the file.
     */
    public static Path save(SameDiff graph, Path file) throws IOException {
        return save(graph, file, Map.of());
    }

    /** The same, with more parts beside the graph (a model's training history). */
    public static Path save(SameDiff graph, Path file, Map<String, ZipParts.Part> beside) throws IOException {
        Map<String, ZipParts.Part> parts = new LinkedHashMap<>();
        parts.put(PART, out -> graph.save(out, true));
        parts.putAll(beside);
        return ZipParts.write(file, parts);
    }

    /** A graph saved by {@link #save}, ready to train on; a missing or unreadable file gets a message that says what to do. */
    public static SameDiff load(Path file) throws IOException {
        return graph(ZipParts.read(file, PART));
    }

    /** The graph among a checkpoint's parts (read with {@code ZipParts.read(file, Graphs.PART, ...)}), ready to train on. */
    public static SameDiff graph(ZipParts.Parts parts) throws IOException {
        return withGradients(parts.get(PART, in -> SameDiff.load(in, true)));
    }

    /** Whether two graphs have the same trainable variables: the same names, shapes and values (e.g. built from one seed). */
    public static boolean sameParameters(SameDiff one, SameDiff other) {
        List<SDVariable> mine = one.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
        long theirs = other.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).count();
        return mine.size() == theirs && mine.stream().allMatch(v -> other.hasVariable(v.name())
                && other.getVariable(v.name()).getVariableType() == VariableType.VARIABLE && other.getVariable(v.name()).getArr().equals(v.getArr()));
    }

    /**
     * Builds the graph's backward pass now, with standard output muted: ND4J 1.0.0-M2.1's createGradFunction prints
     * a line for every operation it differentiates (a debugging leftover), dozens of lines in the middle of a
     * notebook. Returns the graph.
     */
    public static SameDiff withGradients(SameDiff graph) {
        if (graph.getFunction("grad") != null) return graph;
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            graph.createGradFunction();
        } finally {
            System.setOut(out);
        }
        return graph;
    }

    /**
     * Checks that a graph a notebook wrote has the parts a wrapper runs it by, and a training configuration;
     * {@code model} names it in the errors ("the VAE graph").
     */
    public static void requireParts(SameDiff graph, List<String> parts, String model) {
        List<String> missing = parts.stream().filter(name -> !graph.hasVariable(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(model + " lacks " + missing + ": name them with sd.placeHolder(name, ...) or variable.rename(name)");
        }
        if (graph.getTrainingConfig() == null) {
            throw new IllegalArgumentException(model + " has no training configuration: call sd.setTrainingConfig(...) first");
        }
    }

    /** A listener for {@code fit} that hands each named variable's value to {@code sink} as a training step computes it. */
    public static Listener duringTraining(List<String> variables, BiConsumer<String, INDArray> sink) {
        return new BaseListener() {
            @Override
            public ListenerVariables requiredVariables(SameDiff sd) {
                return ListenerVariables.builder().trainingVariables(variables.toArray(String[]::new)).build();
            }

            @Override
            public boolean isActive(Operation operation) {
                return operation == Operation.TRAINING;
            }

            @Override
            public void activationAvailable(SameDiff sd, At at, MultiDataSet batch, SameDiffOp op, String name, INDArray activation) {
                if (variables.contains(name)) sink.accept(name, activation);
            }
        };
    }

    /**
     * Checks that training moves every parameter of a graph: trains a copy of it ({@link SameDiff#dup()}, so
     * {@code graph} itself is untouched) for one step on {@code batch}, and fails, naming them, if any trainable
     * variable kept its value or if the graph holds an array constant other than {@code fixed} (a constant never
     * trains: {@code sd.zero(...)} and {@code sd.constant(...)} make one, {@code sd.var(...)} a variable). Returns
     * what was checked, to print.
     */
    public static LearningCheck requireEveryParameterLearns(SameDiff graph, MultiDataSet batch, String... fixed) {
        Set<String> allowed = Set.of(fixed);
        List<String> constants = graph.variables().stream()
                .filter(v -> v.getVariableType() == VariableType.CONSTANT && !allowed.contains(v.name()))
                .map(SDVariable::name).toList();
        SameDiff copy = withGradients(graph.dup());
        List<SDVariable> parameters = copy.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).toList();
        List<INDArray> before = parameters.stream().map(v -> v.getArr().dup()).toList();
        copy.fit(batch);
        List<String> unchanged = new ArrayList<>();
        long numbers = 0;
        for (int i = 0; i < parameters.size(); i++) {
            INDArray after = parameters.get(i).getArr();
            numbers += after.length();
            // exactly equal: INDArray.equals allows 1e-5, more than one Adam step of a trained model may move a parameter
            if (after.sub(before.get(i)).amaxNumber().doubleValue() == 0) unchanged.add(parameters.get(i).name());
        }
        if (!constants.isEmpty() || !unchanged.isEmpty()) {
            throw new IllegalStateException("parameters that never learn: "
                    + (constants.isEmpty() ? "" : "constants " + constants + " (make them with sd.var(name, Nd4j.zeros(...)), not sd.zero) ")
                    + (unchanged.isEmpty() ? "" : "variables unchanged after a training step " + unchanged));
        }
        return new LearningCheck(parameters.size(), numbers, Arrays.asList(fixed));
    }

    /** What {@link #requireEveryParameterLearns} found: every one of {@code arrays} trainable arrays moved. */
    public record LearningCheck(int arrays, long numbers, List<String> fixed) {
        @Override
        public String toString() {
            return String.format("all %d parameter arrays (%,d numbers) change in one training step", arrays, numbers)
                    + (fixed.isEmpty() ? "" : "; fixed by design: " + String.join(", ", fixed));
        }
    }
}
