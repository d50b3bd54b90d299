package creativeai.music;

import creativeai.sequence.BitsPerToken;
import creativeai.sequence.Checkpoints;
import creativeai.sequence.TokenLstm;
import creativeai.sequence.TokenWindows;
import creativeai.sequence.Trainer;
import creativeai.sequence.TrainingHistory;
import creativeai.training.Budget;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A small melody model, trained briefly, must beat the baselines an untrained one cannot. */
class MelodyModelTest {
    private static final int V = MelodyEncoding.vocabularySize();
    private static List<Tune> tunes;
    private static int[] training;
    private static int[] heldOut;

    @BeforeAll
    static void corpus() {
        tunes = Melodies.oneills().tunes();
        training = MelodyEncoding.corpus(tunes.subList(0, 400));
        heldOut = MelodyEncoding.corpus(tunes.subList(1900, 2000));
    }

    private static MultiLayerNetwork train(int epochs, Path checkpoint, TrainingHistory resumed, MultiLayerNetwork net) {
        new Trainer("melody test", net).budget(Budget.epochs(epochs)).batchSize(16).seed(1).checkpoint(checkpoint).resume(resumed)
                .train(new TokenWindows(training, V, 64), new TokenWindows(heldOut, V, 64));
        return net;
    }

    @Tag("slow")
    @Test
    void aTrainedModelBeatsTheUnigramBaselineAndWritesMoreLikeTheCorpus(@TempDir Path dir) throws Exception {
        double unigram = BitsPerToken.unigram(training, heldOut, V);
        MultiLayerNetwork untrained = TokenLstm.network(V, TokenLstm.options().hidden(64).layers(1).tbptt(32).learningRate(5e-3).seed(1));
        double untrainedBits = BitsPerToken.of(untrained, new TokenWindows(heldOut, V, 64), 32);
        Path checkpoint = dir.resolve("melody.zip");
        MultiLayerNetwork trained = train(1, checkpoint, null, TokenLstm.network(V, TokenLstm.options().hidden(64).layers(1).tbptt(32).learningRate(5e-3).seed(1)));
        double trainedBits = BitsPerToken.of(trained, new TokenWindows(heldOut, V, 64), 32);
        assertTrue(untrainedBits > unigram, "untrained " + untrainedBits + " vs unigram " + unigram);
        assertTrue(trainedBits < unigram - 0.3, "trained " + trainedBits + " vs unigram " + unigram);

        List<List<Note>> corpus = tunes.subList(0, 400).stream().map(t -> t.toCommonKey().notes()).toList();
        List<List<Note>> fromTrained = compose(trained), fromUntrained = compose(untrained);
        double[] corpusPitches = MelodyStats.pitchClasses(corpus), corpusSteps = MelodyStats.intervals(corpus);
        double trainedPitch = MelodyStats.distance(MelodyStats.pitchClasses(fromTrained), corpusPitches);
        double untrainedPitch = MelodyStats.distance(MelodyStats.pitchClasses(fromUntrained), corpusPitches);
        double trainedSteps = MelodyStats.distance(MelodyStats.intervals(fromTrained), corpusSteps);
        double untrainedSteps = MelodyStats.distance(MelodyStats.intervals(fromUntrained), corpusSteps);
        assertTrue(trainedPitch < untrainedPitch - 0.1, "pitch-class distance " + trainedPitch + " vs untrained " + untrainedPitch);
        assertTrue(trainedSteps < untrainedSteps - 0.1, "interval distance " + trainedSteps + " vs untrained " + untrainedSteps);
        Key common = Key.parse("C");
        assertTrue(MelodyStats.inScale(fromTrained, common) > MelodyStats.inScale(fromUntrained, common) + 0.1);

        var saved = Checkpoints.load(checkpoint);
        assertEquals(1, saved.history().epochs());
        train(2, checkpoint, saved.history(), saved.net());
        TrainingHistory resumed = Checkpoints.load(checkpoint).history();
        assertEquals(2, resumed.epochs());
        assertEquals(saved.history().validationBits(0), resumed.validationBits(0));
    }

    private static List<List<Note>> compose(MultiLayerNetwork net) {
        Composer composer = new Composer(net);
        List<List<Note>> melodies = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < 6; i++) melodies.add(composer.continueMelody(Tune.abc("C", "6/8", "G"), 8, 1.0, random).continuation());
        return melodies;
    }
}
