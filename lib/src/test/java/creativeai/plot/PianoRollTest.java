package creativeai.plot;

import creativeai.music.AbcParser;
import creativeai.music.Key;
import creativeai.music.Note;
import creativeai.music.Tune;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.awt.image.BufferedImage;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PianoRollTest {
    @Test
    void promptAndContinuationAreTwoSeriesWithOneSegmentPerNote() {
        Tune tune = AbcParser.parseAll("X:1\nT:t\nM:4/4\nL:1/4\nK:C\nC D z E | G4 |\n").get(0);
        XYChart chart = PianoRoll.of(tune, 3, "prompt", "model");
        assertEquals(2, chart.getSeriesMap().size());
        // C and D (the rest draws nothing): two notes, three points each (start, end, gap)
        assertEquals(6, chart.getSeriesMap().get("prompt").getXData().length);
        assertEquals(6, chart.getSeriesMap().get("model").getXData().length);
        BufferedImage image = Charts.image(chart);
        assertTrue(image.getWidth() > 0);
    }

    @Test
    void theNotesOfTheKeyAreLinesAndTheTonicsAreNamed() {
        Key g = Key.parse("G");
        List<Integer> lines = PianoRoll.keyLines(g, 65, 81);
        assertEquals(List.of(66, 67, 69, 71, 72, 74, 76, 78, 79, 81), lines, "G major from F4 to A5: F#4 G4 A4 B4 C5 D5 E5 F#5 G5 A5");
        assertEquals(List.of("G4", "G5"), lines.stream().filter(p -> PianoRoll.isTonic(g, p)).map(Note::name).toList());
        Tune tune = AbcParser.parseAll("X:1\nT:t\nM:4/4\nL:1/4\nK:G\nG A B c | d e ^f g |\n").get(0);
        assertTrue(Charts.image(PianoRoll.of(tune)).getWidth() > 0);
    }
}
