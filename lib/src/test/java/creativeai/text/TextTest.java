package creativeai.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextTest {
    @Test
    void vocabularyRoundTripsIncludingChineseCharacters() {
        String poem = "床前明月光，疑是地上霜。";
        CharVocabulary vocabulary = CharVocabulary.of(poem + "abc");
        assertEquals(15, vocabulary.size());
        assertEquals(poem, vocabulary.decode(vocabulary.encode(poem)));
        assertArrayEquals(new int[] {0, 1, 2}, vocabulary.encode("abc"));
    }

    @Test
    void unknownCharacterAndEmptyTextAreClearErrors() {
        CharVocabulary vocabulary = CharVocabulary.of("whale");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> vocabulary.encode("Z"));
        assertTrue(e.getMessage().contains("'Z' (U+5A) is not in the corpus's vocabulary"));
        assertThrows(IllegalArgumentException.class, () -> CharVocabulary.of(""));
    }

    @Test
    void wordsAreLowerCaseWithInnerApostrophesAndHyphens() {
        assertEquals(List.of("the", "sperm-whale's", "jaw", "ahab", "said"),
                WordTokenizer.words("The Sperm-Whale’s jaw (1851)! — Ahab said."));
    }
}
