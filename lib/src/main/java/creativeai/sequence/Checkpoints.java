package creativeai.sequence;

import creativeai.data.AtomicFiles;
import creativeai.data.ZipParts;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Saving and loading a trained network with its {@link TrainingHistory} and optimizer state, so training can
 * resume where it stopped. A save writes a temporary file and renames it over the old checkpoint, so a crash
 * or an interrupt mid-save never leaves a broken checkpoint behind.
 */
public final class Checkpoints {
    private static final String HISTORY = "history";

    private Checkpoints() {
    }

    /** A network and the history of the training that made it. */
    public record Saved(MultiLayerNetwork net, TrainingHistory history) {
    }

    /** Saves {@code net} with its updater state and {@code history} to {@code file}, atomically; returns the file. */
    public static Path save(MultiLayerNetwork net, TrainingHistory history, Path file) throws IOException {
        return AtomicFiles.write(file, partial -> {
            ModelSerializer.writeModel(net, partial.toFile(), true);
            ModelSerializer.addObjectToFile(partial.toFile(), HISTORY, history);
        });
    }

    public static Saved load(Path file) throws IOException {
        ZipParts.requireFile(file);
        try {
            MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
            TrainingHistory history = ModelSerializer.getObjectFromFile(file.toFile(), HISTORY);
            return new Saved(net, history);
        } catch (RuntimeException | IOException e) {
            throw ZipParts.unreadable(file, e);
        }
    }
}
