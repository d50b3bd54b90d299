package creativeai.sequence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointsTest {
    @Test
    void aSavedModelComesBackWithTheSameOutputsAndHistory(@TempDir Path dir) throws IOException {
        var net = TokenLstm.network(5, TokenLstm.options().hidden(8).layers(2).tbptt(10).learningRate(1e-2).seed(7));
        var history = new TrainingHistory();
        history.add(2.0, 2.1, 3.5);
        Path file = dir.resolve("model.zip");
        Checkpoints.save(net, history, file);
        Checkpoints.save(net, history, file); // overwriting works
        var saved = Checkpoints.load(file);
        INDArray input = TokenWindows.oneHot(new int[] {1, 2, 3}, 5);
        assertEquals(net.output(input), saved.net().output(input));
        assertEquals(2.1, saved.history().validationBits(0));
        assertEquals(List.of(file), Files.list(dir).toList(), "no partial files left behind");
    }

    @Test
    void aMissingOrBrokenCheckpointSaysWhatToDo(@TempDir Path dir) throws IOException {
        var missing = assertThrows(IOException.class, () -> Checkpoints.load(dir.resolve("none.zip")));
        assertTrue(missing.getMessage().contains("train the model first"), missing.getMessage());
        Path broken = Files.writeString(dir.resolve("broken.zip"), "not a zip");
        var corrupt = assertThrows(IOException.class, () -> Checkpoints.load(broken));
        assertTrue(corrupt.getMessage().contains("delete it and train again"), corrupt.getMessage());
    }
}
