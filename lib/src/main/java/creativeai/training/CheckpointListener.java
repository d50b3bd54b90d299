package creativeai.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Saves a model after every round, through the model's own (atomic) save, and tells the run where: a loss that turns
 * into NaN then names the last good checkpoint, and nothing trained before it is lost. A resumed run whose file
 * already exists starts with that file as its last good checkpoint. Add it after the listeners whose results the
 * checkpoint keeps (a training history, a round's grid).
 */
public final class CheckpointListener implements TrainingListener {
    /** Writes the model (and whatever it keeps beside it) to {@code file}; returns the file written. */
    @FunctionalInterface
    public interface Save {
        Path to(Path file, TrainingRun run) throws IOException;
    }

    private final Path file;
    private final Save save;

    private CheckpointListener(Path file, Save save) {
        if (file == null) throw new IllegalArgumentException("a checkpoint listener needs a file to save to");
        this.file = file;
        this.save = save;
    }

    /** Saves with {@code save} to {@code file} after every round. */
    public static CheckpointListener to(Path file, Save save) {
        return new CheckpointListener(file, save);
    }

    @Override
    public void started(TrainingRun run) {
        if (run.rounds() > 0 && Files.isRegularFile(file)) run.saved(file);
    }

    @Override
    public void roundEnded(TrainingRun run) {
        try {
            run.saved(save.to(file, run));
        } catch (IOException e) {
            throw new UncheckedIOException(run.title() + ": could not save round " + run.rounds() + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
