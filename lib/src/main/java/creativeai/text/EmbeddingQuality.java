package creativeai.text;

import org.deeplearning4j.models.embeddings.wordvectors.WordVectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;

/**
 * Two checks of word vectors that an untrained model fails. Relatedness: word pairs a reader calls related
 * (a list shipped with the course) should have a higher cosine similarity than random pairs of words.
 * Analogies: "man is to woman as king is to ?" answered by the nearest word to king − man + woman.
 */
public final class EmbeddingQuality {
    private EmbeddingQuality() {
    }

    /** The course's related pairs (40, words common in Moby-Dick). */
    public static List<String[]> relatedPairs() {
        return rows("related-pairs.txt", 2);
    }

    /** The course's analogy questions (30: gender, capitals, comparatives, plurals, past tenses), as a b c d. */
    public static List<String[]> analogies() {
        return rows("analogies.txt", 4);
    }

    /** Mean cosine of the related pairs both words of which the model knows, against as many random pairs. */
    public record Relatedness(int pairs, double related, double random) {
        public double margin() {
            return related - random;
        }
    }

    public static Relatedness relatedness(WordVectors vectors, List<String[]> pairs, long seed) {
        List<String> vocabulary = new ArrayList<>(vectors.vocab().words());
        Random random = new Random(seed);
        double related = 0, unrelated = 0;
        int used = 0;
        for (String[] pair : pairs) {
            if (!vectors.hasWord(pair[0]) || !vectors.hasWord(pair[1])) continue;
            related += vectors.similarity(pair[0], pair[1]);
            unrelated += vectors.similarity(vocabulary.get(random.nextInt(vocabulary.size())), vocabulary.get(random.nextInt(vocabulary.size())));
            used++;
        }
        if (used == 0) throw new IllegalArgumentException("the model knows none of the pairs' words: is it trained on English?");
        return new Relatedness(used, related / used, unrelated / used);
    }

    /** How many analogy questions (of those whose four words the model knows) it answers with the right word first. */
    public record Analogies(int asked, int correct) {
        public double accuracy() {
            return asked == 0 ? 0 : correct / (double) asked;
        }
    }

    public static Analogies analogies(WordVectors vectors, List<String[]> questions) {
        int asked = 0, correct = 0;
        for (String[] q : questions) {
            if (!(vectors.hasWord(q[0]) && vectors.hasWord(q[1]) && vectors.hasWord(q[2]) && vectors.hasWord(q[3]))) continue;
            asked++;
            if (q[3].equals(answer(vectors, q[0], q[1], q[2]))) correct++;
        }
        return new Analogies(asked, correct);
    }

    /** The word nearest to c − a + b, other than a, b and c: "a is to b as c is to ?". */
    public static String answer(WordVectors vectors, String a, String b, String c) {
        Collection<String> nearest = vectors.wordsNearest(List.of(b, c), List.of(a), 4);
        return nearest.stream().filter(w -> !w.equals(a) && !w.equals(b) && !w.equals(c)).findFirst().orElse("?");
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = EmbeddingQuality.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("the library jar lacks " + resource);
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] words = line.strip().split("\\s+");
                if (words.length != columns) throw new IllegalStateException(resource + ": expected " + columns + " words in '" + line + "'");
                rows.add(words);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
