package creativeai.backend;

import creativeai.image.DenseVae;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SameDiff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphsTest {
    private static SameDiff small(long seed) {
        return DenseVae.graph(2, DenseVae.options().hidden(8).seed(seed));
    }

    @Test
    void theSameSeedGivesTheSameParametersAndAnotherDoesNot() {
        assertTrue(Graphs.sameParameters(small(1), small(1)));
        assertFalse(Graphs.sameParameters(small(1), small(2)));
        assertFalse(Graphs.sameParameters(small(1), DenseVae.graph(2, DenseVae.options().hidden(8, 4).seed(1))));
    }

    @Test
    void aSavedGraphComesBackReadyToTrainAndABrokenOneSaysWhatToDo(@TempDir Path folder) throws IOException {
        SameDiff graph = small(3);
        Path file = folder.resolve("deep/policy.zip");
        assertEquals(file, Graphs.save(graph, file));
        SameDiff loaded = Graphs.load(file);
        assertTrue(Graphs.sameParameters(graph, loaded));
        assertTrue(loaded.getFunction("grad") != null, "the backward pass is built");
        var missing = assertThrows(IOException.class, () -> Graphs.load(folder.resolve("none.zip")));
        assertTrue(missing.getMessage().contains("train the model first"), missing.getMessage());
        Files.writeString(folder.resolve("broken.zip"), "not a graph");
        var broken = assertThrows(IOException.class, () -> Graphs.load(folder.resolve("broken.zip")));
        assertTrue(broken.getMessage().contains("train again"), broken.getMessage());
    }
}
