package creativeai.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits English text into lower-case words: letters with inner apostrophes or hyphens ("whale's",
 * "sperm-whale"), dropping punctuation and numbers. What the word-embedding chapter trains on.
 */
public final class WordTokenizer {
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:['’-]\\p{L}+)*");

    private WordTokenizer() {
    }

    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) words.add(m.group().toLowerCase(Locale.ROOT).replace('’', '\''));
        return words;
    }
}
