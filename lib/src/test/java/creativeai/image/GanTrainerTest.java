package creativeai.image;

import creativeai.plot.PngFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GanTrainerTest {
    @Test
    void everyRoundSavesBothNetworksAndAGridThatSaysWhoMadeIt(@TempDir Path dir) throws IOException {
        var generator = MlpGan.generator(8, 1);
        var discriminator = MlpGan.discriminator(2);
        var gan = new GanTraining(generator, discriminator, 8);
        INDArray real = Nd4j.rand(100, 784).muli(2).subi(1);
        INDArray noise = gan.noise(16);
        var result = GanTrainer.train(generator, discriminator, gan, real, noise, new GanTrainer.Settings("tiny-gan", 2, 3, 10, 5, dir));
        assertEquals(2, result.grids().size());
        assertEquals(2 * (2 * 28 + 2), result.evolution().getHeight());
        var facts = PngFiles.facts(dir.resolve("tiny-gan-round-002.png"));
        assertEquals("tiny-gan", facts.get("Model"));
        assertEquals("2", facts.get("Round"));
        assertEquals("5", facts.get("Seed"));
        var loaded = GanTrainer.load(dir, "tiny-gan");
        assertEquals(generator.output(noise), loaded[0].output(noise));
        assertTrue(Files.list(dir).noneMatch(p -> p.toString().endsWith(".partial")));
    }

    @Test
    void loadingWhatWasNeverSavedSaysWhatToDo(@TempDir Path dir) {
        var e = assertThrows(IOException.class, () -> GanTrainer.load(dir, "dcgan"));
        assertTrue(e.getMessage().contains("train it first"), e.getMessage());
    }
}
