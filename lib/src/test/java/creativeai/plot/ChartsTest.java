package creativeai.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ChartsTest {
    @Test
    void aHeatmapDrawsEveryValueIncludingItsMaximumAndRejectsRaggedGrids() {
        double[][] values = {{-10, 0, -3}, {0, -1, -10}};   // the maximum, 0, twice: XChart alone fails on it
        var image = Charts.image(Charts.heatmap("Q", "step", "action", List.of("1", "2", "3"), List.of("hold", "C4"), values));
        assertEquals(Charts.WIDTH + 120, image.getWidth());
        assertThrows(IllegalArgumentException.class, () -> Charts.heatmap("Q", "x", "y", List.of("1", "2"), List.of("a", "b"), values));
        assertThrows(IllegalArgumentException.class, () -> Charts.heatmap("Q", "x", "y", List.of("1", "2", "3"), List.of("a"), values));
    }
}
