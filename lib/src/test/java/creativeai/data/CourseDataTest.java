package creativeai.data;

import creativeai.music.Melodies;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real course data (fetched by the build before the tests): known counts and known first items. */
class CourseDataTest {
    @Test
    void mnistHasItsKnownSizesAndFirstLabels() {
        Mnist train = Mnist.load(Mnist.Split.TRAIN);
        Mnist test = Mnist.load(Mnist.Split.TEST);
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertEquals(List.of(5, 0, 4, 1, 9), List.of(train.label(0), train.label(1), train.label(2), train.label(3), train.label(4)));
        assertEquals(List.of(7, 2, 1), List.of(test.label(0), test.label(1), test.label(2)));
    }

    @Test
    void mnistScalesPixelsAndOneHotEncodesLabels() {
        DataSet five = Mnist.load(Mnist.Split.TRAIN).first(3, Mnist.Scale.MINUS_ONE_TO_ONE);
        assertEquals(-1.0, five.getFeatures().minNumber().doubleValue(), 1e-6);
        assertEquals(1.0, five.getFeatures().maxNumber().doubleValue(), 1e-6);
        assertEquals(5, five.getLabels().getRow(0).argMax().getInt(0));
        assertEquals(3.0, five.getLabels().sumNumber().doubleValue(), 1e-9);
    }

    @Test
    void mobyDickIsTheWholeNovel() {
        String text = Corpora.mobyDick();
        assertTrue(text.startsWith("CHAPTER 1. Loomings."));
        assertTrue(text.contains("Call me Ishmael."));
        assertTrue(text.length() > 1_000_000);
    }

    @Test
    void sonnetsAreAllThere() {
        List<Corpora.Sonnet> sonnets = Corpora.sonnets();
        assertEquals(154, sonnets.size());
        Corpora.Sonnet eighteen = sonnets.get(17);
        assertEquals(18, eighteen.number());
        assertEquals("Shall I compare thee to a summer's day?", eighteen.lines().get(0).strip());
        assertEquals(14, eighteen.lines().size());
    }

    @Test
    void fashionMnistHasItsKnownSizes() {
        Mnist train = Mnist.fashion(Mnist.Split.TRAIN);
        assertEquals(60_000, train.size());
        assertEquals(10_000, Mnist.fashion(Mnist.Split.TEST).size());
        assertEquals("ankle boot", Mnist.FASHION_CLASSES.get(train.label(0)));
    }

    @Test
    void gloveKnowsRelatedWords() {
        var glove = Glove.load();
        assertEquals(20_000, glove.vocab().numWords());
        assertTrue(glove.similarity("king", "queen") > glove.similarity("king", "banana") + 0.3);
        assertTrue(glove.wordsNearest(List.of("king", "woman"), List.of("man"), 5).contains("queen"));
    }

    @Test
    void tangPoemsAreQuatrainsInTraditionalCharacters() {
        var quatrains = TangPoems.quatrains();
        assertEquals(14_495, quatrains.size());
        quatrains.forEach(p -> assertEquals(4, p.lines().size(), p.title()));
        var threeHundred = TangPoems.threeHundred();
        assertEquals(320, threeHundred.size());
        assertTrue(threeHundred.stream().anyMatch(p -> p.title().equals("登鸛雀樓") && p.lines().get(0).equals("白日依山盡，")));
    }

    @Test
    void movieLensRatings() {
        var ratings = MovieLens.ratings();
        assertEquals(100_004, ratings.rowCount());
        assertEquals(671, ratings.intColumn("userId").unique().size());
        assertEquals(3.54, ratings.doubleColumn("rating").mean(), 0.01);
    }

    @Test
    void oneillsTunesParseAndTheFirstIsTheEnchantedValley() {
        var collection = Melodies.oneills();
        assertTrue(collection.tunes().size() >= 1_800, collection.tunes().size() + " parsed, failures: " + collection.failures());
        assertTrue(collection.failures().size() <= collection.tunes().size() / 50, collection.failures().toString());
        assertEquals("The Enchanted Valley", collection.tunes().get(0).title());
    }

    @Test
    void soundFontIsThere() throws Exception {
        assertEquals(5_969_788, java.nio.file.Files.size(Melodies.soundFont()));
    }
}
