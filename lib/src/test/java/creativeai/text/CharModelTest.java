package creativeai.text;

import creativeai.data.HeldOut;
import creativeai.data.Corpora;
import creativeai.data.TangPoems;
import creativeai.sequence.BitsPerToken;
import creativeai.sequence.Sampler;
import creativeai.sequence.TokenLstm;
import creativeai.sequence.TokenWindows;
import creativeai.sequence.Trainer;
import creativeai.training.Budget;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The character LSTM of chapter 2, small and briefly trained, against the unigram baseline. */
class CharModelTest {
    @Tag("slow")
    @Test
    void aTrainedModelBeatsTheUnigramBaselineOnHeldOutSonnetsAndAnUntrainedOneDoesNot() {
        String text = Corpora.sonnetText();
        CharVocabulary vocabulary = CharVocabulary.of(text);
        var split = HeldOut.lastTenth(text);
        int[] training = vocabulary.encode(split.training()), heldOut = vocabulary.encode(split.heldOut());
        int v = vocabulary.size();
        double unigram = BitsPerToken.unigram(training, heldOut, v);
        var heldOutWindows = new TokenWindows(heldOut, v, 100);
        MultiLayerNetwork net = TokenLstm.network(v, TokenLstm.options().hidden(96).layers(1).tbptt(50).learningRate(1e-2).seed(1));
        double untrained = BitsPerToken.of(net, heldOutWindows, 32);
        new Trainer("sonnets test", net).budget(Budget.epochs(3)).seed(1).train(new TokenWindows(training, v, 100), heldOutWindows);
        double trained = BitsPerToken.of(net, heldOutWindows, 32);
        assertTrue(untrained > unigram, "untrained " + untrained + " vs unigram " + unigram);
        assertTrue(trained < unigram - 0.3, "trained " + trained + " vs unigram " + unigram);
    }

    @Test
    void theQuatrainFormHoldsWhateverTheModelProposesAndAForeignPromptIsAClearError() {
        String text = TangPoems.quatrains().stream().limit(300).map(TangPoems.Poem::text).collect(Collectors.joining("\n\n"));
        CharVocabulary vocabulary = CharVocabulary.of(text);
        PoemForm form = new PoemForm(vocabulary, 5);
        var sampler = new Sampler(TokenLstm.network(vocabulary.size(), TokenLstm.options().hidden(16).layers(1).tbptt(10).learningRate(1e-3).seed(3)), vocabulary.size()).filter(form);
        int[] prompt = vocabulary.encode("\n\n" + text.charAt(0));
        int[] poem = sampler.continueFrom(prompt, form.poemLength() - 1, new Random(2));
        String[] lines = (text.charAt(0) + vocabulary.decode(poem)).split("\n");
        assertEquals(4, lines.length, Arrays.toString(lines));
        for (int i = 0; i < 4; i++) {
            assertEquals(6, lines[i].length(), lines[i]);
            assertEquals(i % 2 == 0 ? '，' : '。', lines[i].charAt(5));
        }
        var foreign = assertThrows(IllegalArgumentException.class, () -> vocabulary.encode("Hello"));
        assertTrue(foreign.getMessage().contains("not in the corpus's vocabulary"));
    }
}
