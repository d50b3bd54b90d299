package creativeai.text;

import creativeai.training.TrainingView;
import org.deeplearning4j.models.sequencevectors.SequenceVectors;
import org.deeplearning4j.models.sequencevectors.enums.ListenerEvent;
import org.deeplearning4j.models.sequencevectors.interfaces.VectorsListener;
import org.deeplearning4j.models.word2vec.VocabWord;
import org.deeplearning4j.models.word2vec.Word2Vec;
import org.deeplearning4j.text.sentenceiterator.CollectionSentenceIterator;
import org.deeplearning4j.text.tokenization.tokenizerfactory.DefaultTokenizerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * What chapter 1 needs around DL4J's Word2Vec that is not the lesson: sentences cut from a text, and
 * {@link #fit}, which feeds a notebook's Word2Vec configuration the sentences and shows a progress bar while
 * it trains. Parallel tokenization is turned off: on a 2-core machine DL4J's parallel vocabulary builder
 * spends most of its time waiting (measured: an epoch went from 58 s to 22 s).
 */
public final class WordEmbeddings {
    private WordEmbeddings() {
    }

    /** Sentences of a text, each as its words joined by single spaces (what {@link #fit} reads). */
    public static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?;])\\s+|\\n\\s*\\n")) {
            List<String> words = WordTokenizer.words(sentence);
            if (words.size() > 1) sentences.add(String.join(" ", words));
        }
        if (sentences.isEmpty()) throw new IllegalArgumentException("the text has no sentence of two or more words to learn from");
        return sentences;
    }

    /** Trains a Word2Vec configured in the notebook (sizes, window, negative sampling, learning rate, seed) on the sentences. */
    public static Word2Vec fit(Word2Vec.Builder configured, List<String> sentences) {
        Word2Vec vectors = configured
                .allowParallelTokenization(false)
                .iterate(new CollectionSentenceIterator(sentences))
                .tokenizerFactory(new DefaultTokenizerFactory())
                .build();
        int epochs = vectors.getConfiguration().getEpochs();
        TrainingView.Progress bar = TrainingView.standard().progress("Word2Vec", epochs * sentences.size());
        vectors.setEventListeners(java.util.Set.of(progress(bar, sentences.size())));
        vectors.fit();
        bar.advanceTo(epochs * sentences.size());
        return vectors;
    }

    /** The same model before any learning: the random starting vectors (a learning rate of practically zero). */
    public static Word2Vec untrained(List<String> sentences, int dimensions, int minCount, long seed) {
        Word2Vec vectors = new Word2Vec.Builder().layerSize(dimensions).minWordFrequency(minCount).epochs(1)
                .learningRate(1e-12).minLearningRate(1e-12).seed(seed).allowParallelTokenization(false)
                .iterate(new CollectionSentenceIterator(sentences)).tokenizerFactory(new DefaultTokenizerFactory()).build();
        vectors.fit();
        return vectors;
    }

    /** The model's words from the {@code from}-th most frequent to the {@code to}-th (0-based): skipping the first
     * hundred or so leaves out "the", "of", "and". */
    public static List<String> wordsByFrequency(Word2Vec vectors, int from, int to) {
        return vectors.vocab().words().stream()
                .sorted(java.util.Comparator.comparingDouble((String w) -> -vectors.vocab().wordFrequency(w)).thenComparing(w -> w))
                .skip(from).limit(Math.max(0, to - from)).toList();
    }

    private static VectorsListener<VocabWord> progress(TrainingView.Progress bar, int sentencesPerEpoch) {
        return new VectorsListener<>() {
            private int epochsDone;

            @Override
            public boolean validateEvent(ListenerEvent event, long argument) {
                return event == ListenerEvent.EPOCH || (event == ListenerEvent.LINE && argument % 500 == 0);
            }

            @Override
            public void processEvent(ListenerEvent event, SequenceVectors<VocabWord> vectors, long argument) {
                if (event == ListenerEvent.EPOCH) epochsDone++;
                else bar.advanceTo(epochsDone * sentencesPerEpoch + (int) Math.min(argument, sentencesPerEpoch));
            }
        };
    }
}
