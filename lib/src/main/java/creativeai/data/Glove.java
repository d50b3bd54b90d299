package creativeai.data;

import org.deeplearning4j.models.embeddings.loader.WordVectorSerializer;
import org.deeplearning4j.models.embeddings.wordvectors.WordVectors;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.zip.GZIPInputStream;

/**
 * Pretrained GloVe word vectors (100 dimensions, the 20,000 most frequent words of Wikipedia + Gigaword) as
 * DL4J {@link WordVectors}: {@code similarity}, {@code wordsNearest}, analogies with {@code wordsNearest(positive, negative, n)}.
 */
public final class Glove {
    public static final int DIMENSIONS = 100;

    private Glove() {
    }

    public static WordVectors load() {
        return load(DataStore.standard());
    }

    public static WordVectors load(DataStore store) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(store.path("glove-100d")))) {
            return WordVectorSerializer.loadTxtVectors(in, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
