package creativeai.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The characters of a corpus, each with an index: what a character-level model reads and writes. Characters
 * are ordered by code point so the same text always gives the same indices.
 */
public final class CharVocabulary {
    private final int[] codePoints;
    private final Map<Integer, Integer> index = new HashMap<>();

    private CharVocabulary(int[] codePoints) {
        this.codePoints = codePoints;
        for (int i = 0; i < codePoints.length; i++) index.put(codePoints[i], i);
    }

    /** The vocabulary of a text (code points, so Chinese characters and emoji count as one character each). */
    public static CharVocabulary of(String text) {
        if (text.isEmpty()) throw new IllegalArgumentException("cannot build a vocabulary from an empty text");
        return new CharVocabulary(text.codePoints().distinct().sorted().toArray());
    }

    public int size() {
        return codePoints.length;
    }

    public boolean contains(int codePoint) {
        return index.containsKey(codePoint);
    }

    /** The index of a character; a clear error for a character the corpus never uses. */
    public int indexOf(int codePoint) {
        Integer i = index.get(codePoint);
        if (i == null) {
            throw new IllegalArgumentException("the character '" + new String(Character.toChars(codePoint))
                    + "' (U+" + Integer.toHexString(codePoint).toUpperCase() + ") is not in the corpus's vocabulary");
        }
        return i;
    }

    public String character(int i) {
        return new String(Character.toChars(codePoints[i]));
    }

    /** The text as indices. */
    public int[] encode(String text) {
        return text.codePoints().map(this::indexOf).toArray();
    }

    public String decode(int[] indices) {
        StringBuilder out = new StringBuilder();
        for (int i : indices) out.appendCodePoint(codePoints[i]);
        return out.toString();
    }

    @Override
    public String toString() {
        return size() + " characters: " + Arrays.stream(codePoints).limit(60)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + (size() > 60 ? "…" : "");
    }
}
