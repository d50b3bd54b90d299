package creativeai.text;

import creativeai.sequence.Sampler;

import java.util.List;

/**
 * The shape of a Tang quatrain, as a rule for the {@link Sampler}: four lines of {@code charactersPerLine}
 * characters, the first and third ending in "，", the second and fourth in "。", a line break after each line
 * but the last. At each step only the tokens the form allows may be drawn; which character comes is still
 * the model's choice. A poem starts after a blank line ("\n\n"), as in the training text.
 */
public final class PoemForm implements Sampler.TokenFilter {
    private static final String PUNCTUATION = "，。？！；\n";
    private final CharVocabulary vocabulary;
    private final int charactersPerLine;
    private final int newline;

    public PoemForm(CharVocabulary vocabulary, int charactersPerLine) {
        if (!vocabulary.contains('\n') || !vocabulary.contains('，') || !vocabulary.contains('。')) {
            throw new IllegalArgumentException("the vocabulary lacks a line break, '，' or '。': is it a vocabulary of poems?");
        }
        this.vocabulary = vocabulary;
        this.charactersPerLine = charactersPerLine;
        this.newline = vocabulary.indexOf('\n');
    }

    /** The tokens of one whole poem, from its first character to its final "。". */
    public int poemLength() {
        return 4 * (charactersPerLine + 2) - 1;
    }

    @Override
    public boolean allows(List<Integer> history, int token) {
        int start = history.size();
        while (start > 0 && !(start >= 2 && history.get(start - 1) == newline && history.get(start - 2) == newline)) start--;
        int position = history.size() - start;
        int line = position / (charactersPerLine + 2), column = position % (charactersPerLine + 2);
        String character = vocabulary.character(token);
        if (line >= 4) return token == newline;
        if (column < charactersPerLine) return !PUNCTUATION.contains(character);
        if (column == charactersPerLine) return character.equals(line % 2 == 0 ? "，" : "。");
        return token == newline;
    }
}
