package creativeai.sequence;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A part of a Transformer graph, for freezing it or reading it: the embeddings (of tokens and of positions) or
 * one block (its attention, layer norms and MLP). Chapter 6's graph and {@link Transformer}'s name their variables
 * the same way (embeddings end in "Embedding", block l's variables end in the number l), and this type is the one
 * place that knows it; {@link #variables} fails if a part matches nothing, so a rename cannot silently freeze
 * nothing.
 */
public record TransformerPart(String description, Pattern names) {
    /** The token and position embeddings. */
    public static final TransformerPart EMBEDDINGS = new TransformerPart("the embeddings", Pattern.compile(".*Embedding"));

    /** Block {@code layer} (0 is the lowest, nearest the embeddings). */
    public static TransformerPart block(int layer) {
        if (layer < 0) throw new IllegalArgumentException("blocks are numbered from 0, not " + layer);
        return new TransformerPart("block " + layer, Pattern.compile(".*\\D" + layer));
    }

    public boolean holds(String variableName) {
        return names.matcher(variableName).matches();
    }

    /** This part's trainable variables in {@code graph}; an error if it has none. */
    public List<SDVariable> variables(SameDiff graph) {
        List<SDVariable> found = graph.variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE && holds(v.name())).toList();
        if (found.isEmpty()) throw new IllegalArgumentException("the graph has no trainable variable in " + description + " (is it a Transformer?)");
        return found;
    }

    @Override
    public String toString() {
        return description;
    }
}
