package creativeai.backend;

import org.nd4j.autodiff.listeners.At;
import org.nd4j.autodiff.listeners.BaseListener;
import org.nd4j.autodiff.listeners.Listener;
import org.nd4j.autodiff.listeners.ListenerVariables;
import org.nd4j.autodiff.listeners.Operation;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.function.BiConsumer;

/** What every SameDiff graph a notebook writes needs from the wrappers that run it, done once, in one place. */
public final class Graphs {
    private Graphs() {
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
}
