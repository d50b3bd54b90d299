package creativeai.plot;

import creativeai.music.AbcParser;
import creativeai.music.Tune;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.awt.image.BufferedImage;

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
}
