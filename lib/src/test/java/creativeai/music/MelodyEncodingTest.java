package creativeai.music;

import org.junit.jupiter.api.Test;

import java.util.List;

import static creativeai.music.MelodyEncoding.BAR;
import static creativeai.music.MelodyEncoding.END;
import static creativeai.music.MelodyEncoding.HOLD;
import static creativeai.music.MelodyEncoding.REST;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MelodyEncodingTest {
    @Test
    void notesBecomeOnsetsHoldsRestsAndBarLinesOnASixteenthGrid() {
        Tune tune = Tune.abc("C", "2/4", "C2 z D/E/ | G4");
        int c = MelodyEncoding.pitchToken(60), d = MelodyEncoding.pitchToken(62), e = MelodyEncoding.pitchToken(64);
        int g = MelodyEncoding.pitchToken(67);
        assertArrayEquals(new int[] {BAR, c, HOLD, HOLD, HOLD, REST, HOLD, d, e, BAR, g, HOLD, HOLD, HOLD, HOLD, HOLD, HOLD, HOLD, END},
                MelodyEncoding.encode(tune));
        assertEquals(tune.notes(), MelodyEncoding.decode(MelodyEncoding.encode(tune)));
        assertEquals(67, MelodyEncoding.pitch(g));
        for (int token : new int[] {BAR, HOLD, REST, END, -1, MelodyEncoding.vocabularySize()}) assertEquals(Note.REST, MelodyEncoding.pitch(token));
    }

    @Test
    void tripletsAreRoundedToTheGridAndTheBarsStayInPlace() {
        Tune tune = Tune.abc("C", "2/4", "(3CDE G2 | c4");
        List<Note> back = MelodyEncoding.decode(MelodyEncoding.encode(tune));
        assertEquals(tune.quarters(), back.stream().mapToDouble(Note::quarters).sum(), 1e-9);
        assertEquals(List.of(60, 62, 64, 67, 72), back.stream().map(Note::pitch).toList());
    }

    @Test
    void unsupportedRangeAndMetreAreClearErrors() {
        var low = assertThrows(IllegalArgumentException.class, () -> MelodyEncoding.encode(Tune.abc("C", "4/4", "C,,,4")));
        assertTrue(low.getMessage().contains("outside the encoder's range"), low.getMessage());
        var metre = assertThrows(IllegalArgumentException.class, () -> MelodyEncoding.encode(Tune.abc("C", "3/32", "C/4")));
        assertTrue(metre.getMessage().contains("sixteenths"), metre.getMessage());
    }

    @Test
    void anEmptyCorpusIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> MelodyEncoding.corpus(List.of()));
    }

    @Test
    void theMetreFilterPlacesBarLinesAndNeverEndsTheTune() {
        var filter = Composer.metre(4);
        List<Integer> history = new java.util.ArrayList<>(List.of(BAR, 10, HOLD, HOLD));
        assertTrue(filter.allows(history, HOLD));
        assertTrue(!filter.allows(history, BAR) && !filter.allows(history, END));
        history.add(11);
        assertTrue(filter.allows(history, BAR) && !filter.allows(history, END));
        assertTrue(!filter.allows(history, HOLD));
    }

    @Test
    void theModelsNotesBeginWhereTheEncodedPromptEndsEvenWhenEncodingMergesItsRests() {
        Tune prompt = Tune.abc("C", "4/4", "z z C2");                  // two rests become one: 2 notes as encoded, not 3
        var net = creativeai.sequence.TokenLstm.network(MelodyEncoding.vocabularySize(), creativeai.sequence.TokenLstm.options().hidden(16).layers(1).tbptt(50).learningRate(1e-3).seed(1));
        var composition = new Composer(net).continueMelody(prompt, 2, 1.0, new java.util.Random(1));
        assertEquals(2, composition.promptNotes());
        double promptTime = composition.tune().notes().subList(0, composition.promptNotes()).stream().mapToDouble(Note::quarters).sum();
        assertEquals(prompt.quarters(), promptTime, 1e-9);
        assertEquals(composition.tune().notes().size() - 2, composition.continuation().size());
        assertEquals(prompt.quarters() + 2 * prompt.barQuarters(), composition.tune().quarters(), 1e-9);   // the two bars asked for, not fewer
    }
}
