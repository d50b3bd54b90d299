package creativeai.text;

import creativeai.data.Corpora;
import creativeai.data.Glove;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WordEmbeddingsTest {
    @Test
    void sentencesAreLowerCaseWordsAndAnEmptyTextIsAnError() {
        assertEquals(List.of("call me ishmael", "some years ago never mind how long"),
                WordEmbeddings.sentences("Call me Ishmael. Some years ago—never mind how long..."));
        assertThrows(IllegalArgumentException.class, () -> WordEmbeddings.sentences("  ... !"));
    }

    @Tag("slow")
    @Test
    void word2vecOnMobyDickPutsRelatedWordsCloserThanRandomOnesAndAnUntrainedModelDoesNot() {
        List<String> sentences = WordEmbeddings.sentences(Corpora.mobyDick());
        Word2Vec trained = WordEmbeddings.fit(new Word2Vec.Builder().layerSize(50).windowSize(5).minWordFrequency(5).epochs(10)
                .negativeSample(5).useHierarchicSoftmax(false).sampling(1e-3).learningRate(0.05).minLearningRate(1e-4).seed(42).workers(2),
                sentences);
        var pairs = EmbeddingQuality.relatedPairs();
        var quality = EmbeddingQuality.relatedness(trained, pairs, 1);
        assertTrue(quality.pairs() >= 35, "pairs known: " + quality.pairs());
        assertTrue(quality.margin() > 0.1, "related " + quality.related() + " vs random " + quality.random());
        assertEquals(List.of("the", "of"), WordEmbeddings.wordsByFrequency(trained, 0, 2));

        var baseline = EmbeddingQuality.relatedness(WordEmbeddings.untrained(sentences, 50, 5, 42), pairs, 1);
        assertTrue(Math.abs(baseline.margin()) < 0.05, "untrained margin " + baseline.margin());
    }

    @Test
    void gloveAnswersMostAnalogiesAndKnowsRelatedWords() {
        var glove = Glove.load();
        var analogies = EmbeddingQuality.analogies(glove, EmbeddingQuality.analogies());
        assertEquals(30, analogies.asked());
        assertTrue(analogies.accuracy() >= 0.6, "accuracy " + analogies.accuracy());
        assertEquals("queen", EmbeddingQuality.answer(glove, "man", "woman", "king"));
        assertTrue(EmbeddingQuality.relatedness(glove, EmbeddingQuality.relatedPairs(), 1).margin() > 0.3);
    }
}
