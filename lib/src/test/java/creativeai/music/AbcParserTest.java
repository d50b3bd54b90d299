package creativeai.music;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AbcParserTest {
    private static final String ENCHANTED_VALLEY = """
            X: 1
            T: The Enchanted Valley
            M: 2/4
            L: 1/16
            K:Gm
            G3-A (Bcd=e) | f4 (g2dB) | ({d}c3-B) G2-E2 | F4 (D2=E^F) |
            """;

    private static List<Note> notes(String body) {
        return AbcParser.parseAll("X:1\nT:t\nM:4/4\nL:1/8\nK:" + body).get(0).notes();
    }

    @Test
    void firstBarOfTheEnchantedValley() {
        Tune tune = AbcParser.parseAll(ENCHANTED_VALLEY).get(0);
        assertEquals("The Enchanted Valley", tune.title());
        assertEquals("2/4", tune.meter());
        assertEquals("minor", tune.key().mode());
        // G3 A B(flat, from the key) c d =e: a sixteenth is a quarter of a quarter note
        assertEquals(List.of(new Note(67, 0.75), new Note(69, 0.25), new Note(70, 0.25), new Note(72, 0.25),
                new Note(74, 0.25), new Note(76, 0.25)), tune.notes().subList(0, 6));
        assertEquals(new Note(77, 1.0), tune.notes().get(6));
        assertEquals(4 * 2.0, tune.quarters(), 1e-9); // four bars of 2/4
    }

    @Test
    void accidentalsLastToTheEndOfTheBar() {
        assertEquals(List.of(61, 61, 60), notes("C\n^C C | C").stream().map(Note::pitch).toList());
    }

    @Test
    void octavesLengthsRestsTiesAndBrokenRhythm() {
        List<Note> n = notes("C\nc' C, z2 A/ A// d3/2 | e-e f>g");
        assertEquals(new Note(84, 0.5), n.get(0));
        assertEquals(new Note(48, 0.5), n.get(1));
        assertEquals(Note.rest(1.0), n.get(2));
        assertEquals(0.25, n.get(3).quarters());
        assertEquals(0.125, n.get(4).quarters());
        assertEquals(0.75, n.get(5).quarters());
        assertEquals(new Note(76, 1.0), n.get(6)); // tied e-e
        assertEquals(new Note(77, 0.75), n.get(7));
        assertEquals(new Note(79, 0.25), n.get(8));
    }

    @Test
    void thickBarLinesAndEndingsAreReadPast() {
        assertEquals(List.of(67, 69, 71), notes("G\n[|G :|[1 A [2 B|]").stream().map(Note::pitch).toList());
    }

    @Test
    void tripletsAndModes() {
        List<Note> n = notes("Ador\n(3ABc d");
        assertEquals(1.0 / 3, n.get(0).quarters(), 1e-9);
        assertEquals(0.5, n.get(3).quarters(), 1e-9);
        assertEquals(72, n.get(2).pitch()); // A dorian has no sharps or flats
        assertEquals(78, notes("D\nf").get(0).pitch()); // F sharp in D major
        assertEquals(70, notes("F\nB").get(0).pitch()); // B flat in F major
    }

    @Test
    void malformedAbcNamesLineAndColumn() {
        AbcException e = assertThrows(AbcException.class, () -> AbcParser.parseAll("X:7\nT:Bad\nK:G\nAB &C|\n"));
        assertEquals("tune 7 (Bad), line 4, column 4: unexpected '&'", e.getMessage());
        AbcException chord = assertThrows(AbcException.class, () -> AbcParser.parseAll("X:8\nK:G\nAB \"Gm C|\n"));
        assertTrue(chord.getMessage().contains("line 3, column 4") && chord.getMessage().contains("unclosed"));
    }

    @Test
    void unsupportedKeyAndMissingPartsAreClearErrors() {
        AbcException key = assertThrows(AbcException.class, () -> AbcParser.parseAll("X:1\nK:HP\nAB|\n"));
        assertTrue(key.getMessage().contains("unsupported key 'HP'"), key.getMessage());
        assertTrue(assertThrows(AbcException.class, () -> AbcParser.parseAll("X:1\nT:x\n")).getMessage().contains("no K:"));
        assertTrue(assertThrows(AbcException.class, () -> AbcParser.parseAll("just words")).getMessage().contains("no tune found"));
        assertTrue(assertThrows(AbcException.class, () -> AbcParser.parseAll("X:1\nK:C\n|]\n")).getMessage().contains("no notes"));
    }

    @Test
    void commonKeyMovesTonicToCOrA() {
        Tune inD = AbcParser.parseAll("X:1\nK:D\nDFA|\n").get(0).toCommonKey();
        assertEquals(List.of(60, 64, 67), inD.notes().stream().map(Note::pitch).toList());
        Tune inGm = AbcParser.parseAll("X:1\nK:Gm\nG|\n").get(0).toCommonKey();
        assertEquals(9, inGm.notes().get(0).pitchClass());
    }
}
