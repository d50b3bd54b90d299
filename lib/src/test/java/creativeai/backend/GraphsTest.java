package creativeai.backend;

import creativeai.image.DenseVae;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.TrainingConfig;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

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

    /** y = x·w, learning at {@code rate}, with a variable "idle" that the loss multiplies by 0: it never learns. */
    private static SameDiff withIdleVariable(double rate) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, 3);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, 1);
        SDVariable w = sd.var("w", Nd4j.zeros(DataType.FLOAT, 3, 1));   // at 0 a step of 1e-7 is not lost to rounding, as it nearly is at 1
        SDVariable idle = sd.var("idle", Nd4j.ones(DataType.FLOAT, 1, 1));
        x.mmul(w).sub(y).pow(2).mean().add(idle.sum().mul(0)).rename("loss").markAsLoss();
        sd.setTrainingConfig(TrainingConfig.builder().updater(new Adam(rate)).dataSetFeatureMapping("x").dataSetLabelMapping("y").build());
        return sd;
    }

    @Test
    void aParameterThatNeverMovesIsNamedAndOneThatMovesAHairIsNot() {
        var batch = new MultiDataSet(Nd4j.rand(DataType.FLOAT, 4, 3), Nd4j.rand(DataType.FLOAT, 4, 1));
        var error = assertThrows(IllegalStateException.class, () -> Graphs.requireEveryParameterLearns(withIdleVariable(1e-3), batch));
        assertTrue(error.getMessage().contains("[idle]"), error.getMessage());
        // Adam's first step moves w by about the rate: 1e-7 here, below the 1e-5 that INDArray.equals overlooks
        error = assertThrows(IllegalStateException.class, () -> Graphs.requireEveryParameterLearns(withIdleVariable(1e-7), batch));
        assertTrue(error.getMessage().contains("[idle]"), "w moved by a hair and still learned: " + error.getMessage());
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
