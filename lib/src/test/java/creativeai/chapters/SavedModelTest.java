package creativeai.chapters;

import creativeai.Course;
import creativeai.sequence.Checkpoints;
import creativeai.sequence.TokenLstm;
import creativeai.sequence.TrainingHistory;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SavedModelTest {
    @Test
    void eachHandleNamesTheFileItsChapterSavesTo() {
        assertEquals(Course.checkpoint("sonnets-lstm"), SavedModel.SONNET_LSTM.file());
        assertEquals(Course.checkpoint("melody-lstm"), SavedModel.MELODY_LSTM.file());
        assertEquals(Course.checkpoint("mlp-gan"), SavedModel.MLP_GAN.file());
        assertEquals(Course.checkpoint("dcgan"), SavedModel.DCGAN.file());
        assertEquals(Course.checkpoint("vae-16d"), SavedModel.DIGIT_VAE.file());
        assertEquals("chapter 3's melody LSTM", SavedModel.MELODY_LSTM.toString());
    }

    @Test
    void aMissingModelSaysWhichChapterMakesItAndASavedOneLoads(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("poet.zip");
        var handle = new SavedModel<MultiLayerNetwork>("chapter 2", "sonnet LSTM", () -> file, f -> Checkpoints.load(f).net());
        assertFalse(handle.exists());
        var missing = assertThrows(IOException.class, handle::load);
        assertTrue(missing.getMessage().contains("chapter 2's sonnet LSTM") && missing.getMessage().contains("run chapter 2")
                && missing.getMessage().contains(file.toString()), missing.getMessage());

        MultiLayerNetwork net = TokenLstm.network(5, TokenLstm.options().hidden(4).layers(1));
        assertEquals(file, Checkpoints.save(net, new TrainingHistory(), file), "save returns what it wrote");
        assertTrue(handle.exists());
        assertEquals(net.params(), handle.load().params());
    }

    @Test
    void aStandInIsMadeOnlyWhenTheSavedModelIsMissing(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("poet.zip");
        var handle = new SavedModel<MultiLayerNetwork>("chapter 2", "sonnet LSTM", () -> file, f -> Checkpoints.load(f).net());
        MultiLayerNetwork standIn = TokenLstm.network(5, TokenLstm.options().hidden(3).layers(1));
        assertSame(standIn, handle.loadOr("a small one", () -> standIn));

        MultiLayerNetwork saved = TokenLstm.network(5, TokenLstm.options().hidden(4).layers(1));
        Checkpoints.save(saved, new TrainingHistory(), file);
        MultiLayerNetwork loaded = handle.loadOr("a small one", () -> {
            throw new AssertionError("the saved model is there: no stand-in is made");
        });
        assertEquals(saved.params(), loaded.params());
    }

    @Test
    void aModelTrainedOnAnotherOnesOutputsKnowsWhenThatOneWasTrainedAgain(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("vae.zip");
        var handle = new SavedModel<MultiLayerNetwork>("chapter 5", "16-d VAE", () -> file, f -> Checkpoints.load(f).net());
        assertThrows(IOException.class, handle::checksum, "nothing saved: the error names the chapter");
        Checkpoints.save(TokenLstm.network(5, TokenLstm.options().hidden(4).layers(1)), new TrainingHistory(), file);
        String recorded = handle.checksum();
        handle.requireUnchanged(recorded, "the latent denoiser", "train it again");

        Checkpoints.save(TokenLstm.network(5, TokenLstm.options().hidden(5).layers(1)), new TrainingHistory(), file);
        var changed = assertThrows(IllegalStateException.class, () -> handle.requireUnchanged(recorded, "the latent denoiser", "train it again"));
        assertTrue(changed.getMessage().startsWith("the latent denoiser was trained on another chapter 5's 16-d VAE")
                && changed.getMessage().contains("chapter 5 has been run again") && changed.getMessage().endsWith("train it again"), changed.getMessage());
    }
}
