package creativeai.image;

import creativeai.originality.Provenance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageTrainerTest {
    @Test
    void everyRoundSavesTheModelInOneFileAndAGridThatSaysWhoMadeIt(@TempDir Path dir) throws IOException {
        var generator = MlpGan.generator(8, 1);
        var discriminator = MlpGan.discriminator(2);
        var gan = new GanTraining(generator, discriminator);
        INDArray real = Nd4j.rand(100, 784).muli(2).subi(1);
        INDArray noise = gan.noise(16);
        var result = new ImageTrainer("tiny-gan", gan).rounds(2).stepsPerRound(3).batchSize(10).seed(5).checkpoint(dir.resolve("tiny-gan.zip")).trainedOn("mnist-train-images")
                .train(real, noise);
        assertEquals(2, result.grids().size());
        assertEquals(2 * (2 * 28 + 2), result.evolution().getHeight());
        Path grid = dir.resolve("tiny-gan-round-002.png");
        var record = Provenance.read(grid).orElseThrow();
        assertEquals("tiny-gan", record.model());
        assertEquals("2", record.settings().get("round"));
        assertEquals(5, record.seed());
        assertEquals("mnist-train-images", record.datasets().get(0).name());
        assertEquals(Map.of("tiny-gan.zip", creativeai.data.Sha256.of(dir.resolve("tiny-gan.zip"))), record.checkpoints());
        assertTrue(Provenance.verify(grid).verified(), Provenance.verify(grid).toString());
        assertEquals(List.of("discriminator", "generator"), result.lossNames());
        assertEquals(2, result.losses().get(1).length);
        var loaded = GanTraining.load(dir.resolve("tiny-gan.zip"));
        assertEquals(generator.output(noise), loaded.generator().output(noise));
        assertEquals(discriminator.params(), loaded.discriminator().params());
        assertEquals(gan.noise(3).shape()[1], loaded.noise(3).shape()[1], "the latent size comes back from the generator");
        try (var files = Files.list(dir)) {
            assertEquals(List.of("tiny-gan-round-001.png", "tiny-gan-round-001.png.provenance.json", "tiny-gan-round-002.png",
                    "tiny-gan-round-002.png.provenance.json", "tiny-gan.zip"), files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /** On JDK 20 and later an interrupt is the only way to end a training loop that runs in the library. */
    @Test
    void anInterruptEndsTrainingAtTheNextStep(@TempDir Path dir) throws Exception {
        var gan = new GanTraining(MlpGan.generator(8, 1), MlpGan.discriminator(2));
        INDArray real = Nd4j.rand(100, 784).muli(2).subi(1);
        var trainer = new ImageTrainer("endless-gan", gan).stepsPerRound(1_000_000).batchSize(10).checkpoint(dir.resolve("endless-gan.zip"));
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread training = new Thread(() -> {
            try {
                trainer.train(real, gan.noise(4));
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        training.start();
        Thread.sleep(1000);
        long asked = System.nanoTime();
        training.interrupt();
        training.join(5000);
        assertTrue(!training.isAlive() && (System.nanoTime() - asked) / 1e9 < 1, "training still ran after the interrupt");
        assertTrue(failure.get() instanceof java.util.concurrent.CancellationException, String.valueOf(failure.get()));
    }

    @Tag("slow")
    @Test
    void aJudgedRunRecordsTheFrechetDistanceOfEveryRound(@TempDir Path dir) throws IOException {
        var vae = new GraphVae(GraphVaeTest.smallVae(3));
        INDArray real = Nd4j.rand(200, 784);
        var judge = DigitClassifier.train(creativeai.data.Mnist.load(creativeai.data.Mnist.Split.TEST), DigitClassifier.Kind.DENSE, 1, 1)
                .against(Nd4j.rand(300, 784));
        var result = new ImageTrainer("tiny-vae", vae).rounds(3).stepsPerRound(2).batchSize(20).seed(5).checkpoint(dir.resolve("tiny-vae.zip")).judge(judge).train(real, vae.noise(8));
        assertEquals(3, result.frechetByRound().size());
        assertTrue(result.frechetByRound().stream().allMatch(d -> d > 0 && Double.isFinite(d)), result.frechetByRound().toString());
        assertEquals(vae.draw(vae.noise(2).mul(0)), GraphVae.load(dir.resolve("tiny-vae.zip")).draw(vae.noise(2).mul(0)));
    }

    @Test
    void aRunSavedAfterTwoRoundsResumesForTheThirdOnly(@TempDir Path dir) throws IOException {
        var vae = new GraphVae(GraphVaeTest.smallVae(3));
        INDArray real = Nd4j.rand(200, 784);
        Path file = dir.resolve("tiny-vae.zip");
        var first = new ImageTrainer("tiny-vae", vae).rounds(2).stepsPerRound(3).batchSize(20).seed(5).checkpoint(file).train(real, vae.noise(4));
        var saved = ImageTrainingProgress.of(file);
        assertEquals(2, saved.rounds());
        assertEquals(first.seconds(), saved.seconds(), 1e-9);
        assertArrayEquals(first.losses().get(1), saved.losses().get(1));
        var again = new ImageTrainer("tiny-vae", GraphVae.load(file)).rounds(3).stepsPerRound(3).batchSize(20).seed(5).checkpoint(file)
                .resume(saved).train(real, vae.noise(4));
        assertEquals(1, again.grids().size(), "only the missing round is trained");
        assertEquals(3, again.losses().size());
        assertEquals(9, again.batches());
        assertEquals(3, ImageTrainingProgress.of(file).rounds());
        var done = new ImageTrainer("tiny-vae", GraphVae.load(file)).rounds(3).stepsPerRound(3).checkpoint(file)
                .resume(ImageTrainingProgress.of(file)).train(real, vae.noise(4));
        assertEquals(0, done.grids().size(), "a spent budget trains nothing");
    }

    @Test
    void aModelSavedWithoutItsTrainingHasNoProgress(@TempDir Path dir) throws IOException {
        Path file = new GraphVae(GraphVaeTest.smallVae(3)).save(dir.resolve("vae.zip"));
        assertEquals(0, ImageTrainingProgress.of(file).rounds());
        assertEquals(0, ImageTrainingProgress.of(dir.resolve("none.zip")).rounds());
    }

    @Test
    void roundsThatGotWorseCountsEveryRiseOfTheFrechetDistance() {
        var result = new ImageTrainer.Result(List.of("loss"), List.of(), List.of(), List.of(5.0, 4.0, 6.0, 3.0, 3.5, 3.5), 0, 0);
        assertEquals(2, result.roundsThatGotWorse());   // 4 → 6 and 3 → 3.5; an equal round is not worse
        assertEquals(0, new ImageTrainer.Result(List.of("loss"), List.of(), List.of(), List.of(), 0, 0).roundsThatGotWorse());
    }

    @Test
    void loadingWhatWasNeverSavedSaysWhatToDo(@TempDir Path dir) {
        var e = assertThrows(IOException.class, () -> GanTraining.load(dir.resolve("dcgan.zip")));
        assertTrue(e.getMessage().contains("train the model first"), e.getMessage());
        var vae = dir.resolve("vae.zip");
        assertThrows(IOException.class, () -> GraphVae.load(vae));
    }

    @Test
    void aCheckpointOfAnotherKindOfModelSaysItCannotBeRead(@TempDir Path dir) throws IOException {
        Path vae = new GraphVae(GraphVaeTest.smallVae(3)).save(dir.resolve("vae.zip"));
        var e = assertThrows(IOException.class, () -> GanTraining.load(vae));
        assertTrue(e.getMessage().contains("cannot be read") && e.getMessage().contains("no generator.zip") && e.getMessage().contains("train again"), e.getMessage());
    }
}
