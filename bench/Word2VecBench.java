import creativeai.data.Corpora;
import creativeai.text.EmbeddingQuality;
import creativeai.text.WordEmbeddings;
import org.deeplearning4j.models.embeddings.learning.impl.elements.SkipGram;
import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import org.deeplearning4j.models.embeddings.wordvectors.WordVectors;
import org.deeplearning4j.models.word2vec.Word2Vec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Chapter 1's Word2Vec (skip-gram, 50 numbers per word, window 5, words seen 5 times or more, 5 negative samples,
 * sampling 1e-3, learning rate 0.05 falling to 1e-4, one worker per core) on Moby-Dick: training words per second
 * and the chapter's quality measure (the relatedness margin: related pairs' cosine minus random pairs'). Arguments:
 * {@code train epochs sentences.txt} trains DL4J's and writes the sentences it used, one per line, for
 * bench/word2vec_bench.py (gensim, the same settings); {@code score vectors.txt} scores vectors gensim wrote in the
 * word2vec text format with the same measure.
 */
public class Word2VecBench {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("score")) {
            WordVectors vectors = WordVectorSerializer.readWord2VecModel(new File(args[1]));
            System.out.println("{" + quality(vectors) + "}");
            return;
        }
        int epochs = Integer.parseInt(args[1]);
        List<String> sentences = WordEmbeddings.sentences(Corpora.mobyDick());
        Files.write(Path.of(args[2]), sentences);
        long words = sentences.stream().mapToLong(s -> s.split(" ").length).sum();
        Word2Vec.Builder settings = new Word2Vec.Builder().elementsLearningAlgorithm(new SkipGram<>())
                .layerSize(50).windowSize(5).minWordFrequency(5).negativeSample(5).useHierarchicSoftmax(false)
                .sampling(1e-3).learningRate(0.05).minLearningRate(1e-4).epochs(epochs).iterations(1).seed(42)
                .workers(Runtime.getRuntime().availableProcessors());
        Profiling.start();
        long start = System.nanoTime();
        Word2Vec vectors = WordEmbeddings.fit(settings, sentences);
        double seconds = (System.nanoTime() - start) / 1e9;
        Profiling.stop();
        double rss = PeakMemory.mb();
        System.out.printf("{\"impl\": \"DL4J\", \"words_per_s\": %.0f, \"seconds\": %.1f, %s, \"peak_rss_mb\": %.0f}%n",
                epochs * words / seconds, seconds, quality(vectors), rss);
    }

    private static String quality(WordVectors vectors) {
        var relatedness = EmbeddingQuality.relatedness(vectors, EmbeddingQuality.relatedPairs(), 42);
        return String.format("\"margin\": %.3f, \"vocabulary\": %d", relatedness.margin(), vectors.vocab().numWords());
    }
}
