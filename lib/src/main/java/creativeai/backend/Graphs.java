package creativeai.backend;

import org.nd4j.autodiff.samediff.SameDiff;

import java.io.OutputStream;
import java.io.PrintStream;

/** What every SameDiff graph a notebook writes needs before training, done once, in one place. */
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
}
