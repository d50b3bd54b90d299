package creativeai.plot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {
    @Test
    void aHeatmapDrawsEveryValueIncludingItsMaximumAndRejectsRaggedGrids() {
        double[][] values = {{-10, 0, -3}, {0, -1, -10}};   // the maximum, 0, twice: XChart alone fails on it
        var image = Charts.image(Charts.heatmap("Q", "step", "action", List.of("1", "2", "3"), List.of("hold", "C4"), values));
        assertEquals(Charts.WIDTH + 120, image.getWidth());
        assertThrows(IllegalArgumentException.class, () -> Charts.heatmap("Q", "x", "y", List.of("1", "2"), List.of("a", "b"), values));
        assertThrows(IllegalArgumentException.class, () -> Charts.heatmap("Q", "x", "y", List.of("1", "2", "3"), List.of("a"), values));
    }

    @Test
    void aHeatmapsLegendEndsReadAsShortNumbersAndStillHoldEveryValue() {
        double[][] values = {{-9.999999999999996, 0.1234567}, {0.5, 0.25}};
        var series = Charts.heatmap("Q", "x", "y", List.of("1", "2"), List.of("a", "b"), values).getHeatMapSeries();
        assertEquals("-10.0", series.getMin() + "");
        assertEquals("0.5", series.getMax() + "");
        assertTrue(series.getMin() <= -9.999999999999996);
        double[][] small = {{0.1234567, 0.2}};
        assertEquals(0.123456, Charts.heatmap("w", "x", "y", List.of("1", "2"), List.of("a"), small).getHeatMapSeries().getMin());
    }

    @Test
    void aRowDrawsEachChartBesideTheLastAtItsOwnSize() {
        var wide = Charts.lines("Loss", "step", "loss");
        wide.addSeries("train", new double[] {1, 2}, new double[] {2, 1});
        var small = new org.knowm.xchart.XYChartBuilder().width(200).height(150).build();
        small.addSeries("points", new double[] {0, 1}, new double[] {1, 0});
        var row = Charts.row(List.of(wide, small));
        assertEquals(Charts.WIDTH + 200, row.getWidth());
        assertEquals(Charts.HEIGHT, row.getHeight());
        assertEquals(Charts.image(small).getRGB(100, 75), row.getRGB(Charts.WIDTH + 100, 75));
        assertThrows(IllegalArgumentException.class, () -> Charts.row(List.of()));
    }

    @Test
    void aPresentationScaleDrawsTheSameChartLarger() {
        var chart = Charts.lines("Loss", "step", "loss");
        chart.addSeries("train", new double[] {1, 2, 3, 4}, new double[] {4, 2, 1.5, 1});
        var normal = Charts.image(chart);
        try {
            Charts.presentationScale(2);
            var large = Charts.image(chart);
            assertEquals(2 * normal.getWidth(), large.getWidth());
            assertEquals(2 * normal.getHeight(), large.getHeight());
            // the lines and letters are drawn larger too (about 4x the inked pixels), not just a bigger margin
            assertTrue(inked(large) > 3 * inked(normal), inked(large) + " vs " + inked(normal));
        } finally {
            Charts.presentationScale(1);
        }
        assertThrows(IllegalArgumentException.class, () -> Charts.presentationScale(0));
    }

    private static long inked(java.awt.image.BufferedImage image) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) != 0xffffff) count++;
            }
        }
        return count;
    }
}
