package creativeai.image;

import creativeai.data.ZipParts;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A model that learns to draw images from points of a latent space, as {@link ImageTrainer} sees it: it learns
 * from one batch at a time and reports its losses, it draws images for given latent points, and it saves itself to
 * one checkpoint file. Chapter 4's GANs ({@link GanTraining}) and chapter 5's VAEs ({@link GraphVae}) are both one, so
 * one training loop, display and checkpointing serves both, and their numbers can be compared.
 */
public interface ImageModel {
    /** What the losses measure, for the axis of their curves. */
    default String lossUnit() {
        return "loss";
    }

    /** The names of the losses {@link #learn} returns, in order (they label the live curves). */
    String[] lossNames();

    /** One training step on a batch of real images (one per row); returns the losses named by {@link #lossNames}. */
    double[] learn(INDArray batch);

    /** Random points of the latent space (standard normal), one row per image to draw. */
    INDArray noise(int count);

    /** The images for the given latent points, as rows of 784 pixels in [0, 1] (what {@link DigitClassifier} reads). */
    INDArray draw(INDArray latentPoints);

    /**
     * Saves the model (its networks with their optimiser state) to the one checkpoint {@code file}, atomically, with
     * {@code beside} as more parts of the same file (how far its training has come); returns the file.
     */
    Path save(Path file, Map<String, ZipParts.Part> beside) throws IOException;

    /** Saves the model alone. */
    default Path save(Path file) throws IOException {
        return save(file, Map.of());
    }
}
