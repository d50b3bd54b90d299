package creativeai.sequence;

import creativeai.data.HeldOut;
import creativeai.data.Corpora;
import creativeai.text.CharVocabulary;
import creativeai.training.Budget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Chapter 6's Transformer: causality, bad input, checkpoints, and learning measured against baselines. */
class TransformerTest {
    private static final int TINY_VOCABULARY = 12;

    private static Transformer.Options tiny() {
        return Transformer.options().context(10).width(16).heads(2).layers(2).seed(1);
    }

    @Test
    void changingALaterTokenLeavesEveryEarlierPredictionAsItWas() {
        GraphTokenModel model = Transformer.model(TINY_VOCABULARY, tiny().learningRate(1e-3));
        int[] text = {1, 5, 3, 7, 2, 9, 4, 0, 6, 8};
        int[] changed = text.clone();
        changed[6] = 11;
        double[][] before = probabilities(model, text), after = probabilities(model, changed);
        for (int t = 0; t < 6; t++) assertArrayEquals(before[t], after[t], 1e-6, "position " + t + " saw the future");
        double difference = 0;
        for (int t = 6; t < text.length; t++) for (int k = 0; k < TINY_VOCABULARY; k++) difference += Math.abs(before[t][k] - after[t][k]);
        assertTrue(difference > 1e-3, "positions from 6 on must see the change: " + difference);
        double[][][][] attention = model.attention(text);
        assertEquals(tiny().layers(), attention.length);
        assertEquals(tiny().heads(), attention[0].length);
        for (int i = 0; i < text.length; i++) {
            assertEquals(1, java.util.Arrays.stream(attention[1][0][i]).sum(), 1e-5);
            for (int j = i + 1; j < text.length; j++) assertEquals(0, attention[1][0][i][j], 1e-9, "attention to the future");
        }
    }

    @Test
    void badSizesPromptsContextsTemperaturesAndCorporaAreClearErrors() {
        GraphTokenModel model = Transformer.model(TINY_VOCABULARY, tiny().learningRate(1e-3));
        assertThrows(IllegalArgumentException.class, () -> Transformer.model(12, Transformer.options().width(15).heads(2)));
        assertThrows(IllegalArgumentException.class, () -> Transformer.model(1, Transformer.options()));
        var tooLong = assertThrows(IllegalArgumentException.class, () -> model.attention(new int[11]));
        assertTrue(tooLong.getMessage().contains("at most 10"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.attention(new int[0]));
        assertThrows(IllegalArgumentException.class, () -> model.attention(new int[] {12}));
        Sampler sampler = new Sampler(model);
        assertThrows(IllegalArgumentException.class, () -> sampler.temperature(0, 0));
        assertThrows(IllegalArgumentException.class, () -> sampler.continueFrom(new int[] {3, 12}, 5, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> sampler.continueFrom(new int[0], 5, new Random(1)));
        assertThrows(IllegalArgumentException.class, () -> CharVocabulary.of(""));
        assertThrows(IllegalArgumentException.class, () -> new TokenWindows(new int[5], 12, 10));
        var wrongWindows = assertThrows(IllegalArgumentException.class, () -> model.probabilities(Nd4j.zeros(2, 12, 7)));
        assertTrue(wrongWindows.getMessage().contains("[batch, 12, 10]"), wrongWindows.getMessage());
    }

    @Test
    void aPromptLongerThanTheContextIsWrittenOnFromItsLastTokens() {
        GraphTokenModel model = Transformer.model(TINY_VOCABULARY, tiny().learningRate(1e-3));
        int[] prompt = new int[25];
        for (int i = 0; i < prompt.length; i++) prompt[i] = i % 12;
        int[] text = new Sampler(model).temperature(1, 0).continueFrom(prompt, 30, new Random(2));
        assertEquals(30, text.length);
        assertArrayEquals(new Sampler(model).nextProbabilities(java.util.Arrays.copyOfRange(prompt, 15, 25)),
                new Sampler(model).nextProbabilities(prompt), 1e-6);
    }

    @Test
    void aPartNamesExactlyItsVariablesAndAPartThatIsNotThereIsAnError() {
        SameDiff graph = Transformer.model(TINY_VOCABULARY, tiny().learningRate(1e-3)).graph();
        List<String> embeddings = TransformerPart.EMBEDDINGS.variables(graph).stream().map(SDVariable::name).sorted().toList();
        assertEquals(List.of("positionEmbedding", "tokenEmbedding"), embeddings);
        List<String> lowest = TransformerPart.block(0).variables(graph).stream().map(SDVariable::name).toList();
        assertTrue(lowest.contains("query0") && lowest.contains("norm1Gain0") && lowest.contains("contractBias0"), lowest.toString());
        assertTrue(lowest.stream().allMatch(name -> name.endsWith("0")), lowest.toString());
        assertTrue(TransformerPart.block(1).variables(graph).stream().noneMatch(v -> lowest.contains(v.name())));
        var missing = assertThrows(IllegalArgumentException.class, () -> TransformerPart.block(7).variables(graph));
        assertTrue(missing.getMessage().contains("block 7"), missing.getMessage());
    }

    @Test
    void aCheckpointRestoresTheModelAndItsHistory(@TempDir Path folder) throws IOException {
        GraphTokenModel model = Transformer.model(TINY_VOCABULARY, tiny().learningRate(1e-3));
        int[] tokens = new Random(4).ints(400, 0, 12).toArray();
        var windows = new TokenWindows(tokens, 12, 10);
        var history = new Trainer("tiny", model).budget(Budget.epochs(2)).batchSize(8).seed(1).checkpoint(folder.resolve("tiny.zip")).train(windows, windows);
        var saved = GraphTokenModel.load(folder.resolve("tiny.zip"));
        assertEquals(Files.getPosixFilePermissions(Files.createFile(folder.resolve("plain"))), Files.getPosixFilePermissions(folder.resolve("tiny.zip")),
                "a checkpoint is as readable as any new file, not private to its owner");
        assertEquals(2, saved.history().epochs());
        assertEquals(history.lastValidationBits(), saved.history().lastValidationBits());
        assertEquals(BitsPerToken.of(model, windows, 8), BitsPerToken.of(saved.model(), windows, 8), 1e-5);
        Files.writeString(folder.resolve("broken.zip"), "not a model");
        var broken = assertThrows(IOException.class, () -> GraphTokenModel.load(folder.resolve("broken.zip")));
        assertTrue(broken.getMessage().contains("train again"), broken.getMessage());
        assertThrows(IOException.class, () -> GraphTokenModel.load(folder.resolve("missing.zip")));
    }

    @Tag("slow")
    @Test
    void aTrainedModelBeatsTheUnigramBaselineAndAnUntrainedOneDoesNot() {
        Corpus sonnets = Corpus.sonnets();
        var options = Transformer.options().context(32).width(32).learningRate(1e-2).seed(1);
        GraphTokenModel model = Transformer.model(sonnets.vocabulary.size(), options);
        var heldOut = new TokenWindows(sonnets.heldOut, sonnets.vocabulary.size(), options.context());
        double unigram = BitsPerToken.unigram(sonnets.training, sonnets.heldOut, sonnets.vocabulary.size());
        double untrained = BitsPerToken.of(model, heldOut, 32);
        new Trainer("sonnets", model).budget(Budget.epochs(3)).seed(1).train(new TokenWindows(sonnets.training, sonnets.vocabulary.size(), options.context()), heldOut);
        double trained = BitsPerToken.of(model, heldOut, 32);
        assertTrue(untrained > unigram, "untrained " + untrained + " vs unigram " + unigram);
        assertTrue(trained < unigram - 0.7, "trained " + trained + " vs unigram " + unigram);
    }

    @Tag("slow")
    @Test
    void fineTuningAPretrainedModelBeatsTrainingFromScratchAtTheSameBudgetAndFrozenLayersStayPut(@TempDir Path folder) throws IOException {
        Corpus sonnets = Corpus.sonnets();
        var options = Transformer.options().context(32).width(32).learningRate(1e-2).seed(1);
        int[] prose = sonnets.vocabulary.encode(Corpus.mobyDick().substring(20_000, 420_000));
        Path pretrained = folder.resolve("pretrained.zip");
        new Trainer("prose", Transformer.model(sonnets.vocabulary.size(), options)).seed(1).checkpoint(pretrained)
                .train(new TokenWindows(prose, sonnets.vocabulary.size(), options.context()), new TokenWindows(sonnets.heldOut, sonnets.vocabulary.size(), options.context()));

        var heldOut = new TokenWindows(sonnets.heldOut, sonnets.vocabulary.size(), options.context());
        var training = new TokenWindows(sonnets.training, sonnets.vocabulary.size(), options.context());
        GraphTokenModel scratch = Transformer.model(sonnets.vocabulary.size(), options);
        new Trainer("sonnets", scratch).seed(1).train(training, heldOut);
        GraphTokenModel fineTuned = GraphTokenModel.load(pretrained).model();
        new Trainer("sonnets", fineTuned).seed(1).train(training, heldOut);
        double scratchBits = BitsPerToken.of(scratch, heldOut, 32), fineTunedBits = BitsPerToken.of(fineTuned, heldOut, 32);
        assertTrue(fineTunedBits < scratchBits - 0.2, "fine-tuned " + fineTunedBits + " vs from scratch " + scratchBits);

        GraphTokenModel frozen = GraphTokenModel.load(pretrained).model();
        frozen.graph().convertToConstants(TransformerPart.EMBEDDINGS.variables(frozen.graph()));
        INDArray before = frozen.graph().getVariable("tokenEmbedding").getArr().dup();
        INDArray headBefore = frozen.graph().getVariable("head").getArr().dup();
        frozen = new GraphTokenModel(frozen.graph());
        frozen.learn(training.epoch(8, new Random(1)).next());
        assertEquals(before, frozen.graph().getVariable("tokenEmbedding").getArr());
        assertTrue(!headBefore.equals(frozen.graph().getVariable("head").getArr()), "the head must still learn");
    }

    /** SameDiff's {@code zero} and {@code one} make constants: every weight, bias and gain must be a trainable variable. */
    @Test
    void everythingButTheCausalMaskLearns() {
        GraphTokenModel model = Transformer.model(TINY_VOCABULARY, tiny().learningRate(1e-2));
        int[] text = new Random(1).ints(200, 0, TINY_VOCABULARY).toArray();
        var check = model.requireEveryParameterLearns(new TokenWindows(text, TINY_VOCABULARY, tiny().context()).epoch(8, new Random(1)).next());
        assertEquals(model.graph().variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE).count(), check.arrays());
        assertEquals(model.parameters(), check.numbers());
        assertEquals(List.of("causalMask"), check.fixed());
    }

    private static double[][] probabilities(GraphTokenModel model, int[] text) {
        INDArray windows = TokenWindows.oneHot(text, TINY_VOCABULARY);
        return model.probabilities(windows).get(org.nd4j.linalg.indexing.NDArrayIndex.point(0)).transpose().toDoubleMatrix();
    }

    /** The sonnets in the vocabulary of the sonnets and Moby-Dick together, split as chapter 2 splits them. */
    private record Corpus(CharVocabulary vocabulary, int[] training, int[] heldOut) {
        static String mobyDick() {
            return Corpora.mobyDick().replace('’', '\'').replace('‘', '\'');
        }

        static Corpus sonnets() {
            String text = Corpora.sonnetText();
            CharVocabulary vocabulary = CharVocabulary.of(mobyDick() + text);
            var split = HeldOut.lastTenth(text);
            return new Corpus(vocabulary, vocabulary.encode(split.training()), vocabulary.encode(split.heldOut()));
        }
    }
}
