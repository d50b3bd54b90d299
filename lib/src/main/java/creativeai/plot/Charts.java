package creativeai.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * XChart with the course's look: builders for the charts the chapters draw, and conversion to a PNG image,
 * which is how every chart reaches a notebook (it shows in JupyterLab, classic Notebook, exported HTML and
 * on GitHub, with no JavaScript).
 */
public final class Charts {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;

    private Charts() {
    }

    /** An empty line chart with titled axes, ready for {@code addSeries}. */
    public static XYChart lines(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).theme(Styler.ChartTheme.Matlab).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setPlotGridLinesVisible(true);
        return chart;
    }

    /** The chart drawn as an image. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** Saves the chart as a PNG file (the ".png" suffix is added if missing). */
    public static void savePng(Chart<?, ?> chart, Path file) throws IOException {
        BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
    }
}
