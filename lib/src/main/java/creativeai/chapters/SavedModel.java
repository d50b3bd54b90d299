package creativeai.chapters;

import creativeai.Course;
import creativeai.data.Sha256;
import creativeai.image.GanTraining;
import creativeai.image.GraphVae;
import creativeai.sequence.Checkpoints;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A model one chapter trains and saves and a later chapter reuses, asked for by name and type instead of by file
 * name: {@code SavedModel.MELODY_LSTM.load()} is chapter 3's melody network, wherever and however chapter 3 saves
 * it. The chapter that makes a model saves it to {@link #file()}, like every checkpoint one file; a chapter that reuses one calls {@link #loadOr}
 * (which makes the chapter's own stand-in when the model is missing) or {@link #load()} (which then says which
 * chapter to run). In QUICK mode the files are the QUICK runs' ({@link Course#checkpoint}).
 */
public final class SavedModel<T> {
    /** Reads a saved model from its file. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(Path file) throws IOException;
    }

    /** Makes a model in place of a saved one that is missing (trains a smaller one, or reads its own earlier run). */
    @FunctionalInterface
    public interface StandIn<T> {
        T make() throws IOException;
    }

    /** Chapter 2's character LSTM, trained on Shakespeare's sonnets. */
    public static final SavedModel<MultiLayerNetwork> SONNET_LSTM = new SavedModel<>("chapter 2", "sonnet LSTM", () -> Course.checkpoint("sonnets-lstm"),
            file -> Checkpoints.load(file).net());

    /** Chapter 3's LSTM over melody tokens, trained on O'Neill's tunes. */
    public static final SavedModel<MultiLayerNetwork> MELODY_LSTM = new SavedModel<>("chapter 3", "melody LSTM", () -> Course.checkpoint("melody-lstm"),
            file -> Checkpoints.load(file).net());

    /** Chapter 4's MLP GAN (generator and discriminator, 64 latent numbers), trained on MNIST digits. */
    public static final SavedModel<GanTraining> MLP_GAN = new SavedModel<>("chapter 4", "MLP GAN", () -> Course.checkpoint("mlp-gan"), GanTraining::load);

    /** Chapter 4's DCGAN (convolutional generator and discriminator, 64 latent numbers), trained on MNIST digits. */
    public static final SavedModel<GanTraining> DCGAN = new SavedModel<>("chapter 4", "DCGAN", () -> Course.checkpoint("dcgan"), GanTraining::load);

    /** Chapter 5's dense VAE with a 16-number latent space, trained on MNIST digits. */
    public static final SavedModel<GraphVae> DIGIT_VAE = new SavedModel<>("chapter 5", "16-d VAE", () -> Course.checkpoint("vae-16d"), GraphVae::load);

    private final String chapter;
    private final String name;
    private final Supplier<Path> file;
    private final Reader<T> reader;

    /** A model that {@code chapter} saves to {@code file} (a {@code Course.checkpoint}) and {@code reader} reads back. */
    SavedModel(String chapter, String name, Supplier<Path> file, Reader<T> reader) {
        this.chapter = chapter;
        this.name = name;
        this.file = file;
        this.reader = reader;
    }

    /** The file the making chapter saves to (read now: QUICK mode has its own). */
    public Path file() {
        return file.get();
    }

    public boolean exists() {
        return Files.isRegularFile(file());
    }

    /** The saved model; if it is missing, an error that names the chapter that makes it. */
    public T load() throws IOException {
        if (!exists()) {
            throw new IOException("no " + this + " at " + file() + ": run " + chapter + " (with LOAD_MODEL = false) to train and save it"
                    + (Course.quick() ? " in QUICK mode, or unset COURSE_QUICK to use the full-mode model" : ""));
        }
        return reader.read(file());
    }

    /**
     * The saved model when the chapter that makes it has been run, else the stand-in {@code make} returns; prints which,
     * with {@code standIn} saying what the stand-in is, so the numbers that follow are read for what they are.
     */
    public T loadOr(String standIn, StandIn<T> make) throws IOException {
        if (exists()) {
            System.out.println(this + ", loaded from " + file());
            return load();
        }
        System.out.println("no " + this + " yet (run " + chapter + " to use it): " + standIn);
        return make.make();
    }

    /**
     * The saved file's SHA-256. A model trained on this one's outputs (a denoiser of a VAE's codes) keeps it in its own
     * checkpoint, so that {@link #requireUnchanged} can tell when this model has been trained again since.
     */
    public String checksum() throws IOException {
        if (!exists()) load();   // the error that says which chapter to run
        return Sha256.of(file());
    }

    /**
     * Nothing, if this saved model is still the one whose {@link #checksum} {@code dependent} recorded when it was
     * trained; otherwise an error that says what was trained again and what to run now.
     */
    public void requireUnchanged(String recorded, String dependent, String runAgain) throws IOException {
        if (!checksum().equals(recorded)) {
            throw new IllegalStateException(dependent + " was trained on another " + this + " than the one saved now at " + file()
                    + " (" + chapter + " has been run again since): " + runAgain);
        }
    }

    /** "chapter 3's melody LSTM". */
    @Override
    public String toString() {
        return chapter + "'s " + name;
    }
}
