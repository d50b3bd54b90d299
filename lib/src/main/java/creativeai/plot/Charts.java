package creativeai.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * XChart with the course's look: builders for the charts the chapters draw, and conversion to a PNG image,
 * which is how every chart reaches a notebook (it shows in JupyterLab, classic Notebook, exported HTML and
 * on GitHub, with no JavaScript).
 */
public final class Charts {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 360;
    private static double scale = initialScale();

    private Charts() {
    }

    /** An empty line chart with titled axes, ready for {@code addSeries}; its legend sits under the plot, never over a curve. */
    public static XYChart lines(String title, String xLabel, String yLabel) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).theme(Styler.ChartTheme.Matlab).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0.##"); // otherwise a fractional axis reads 0.5185185185185185
        return chart;
    }

    /** An empty bar chart (categories along x, e.g. the likeliest next characters), ready for {@code addSeries}. */
    public static CategoryChart bars(String title, String xLabel, String yLabel) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xLabel).yAxisTitle(yLabel).theme(Styler.ChartTheme.Matlab).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS).setLegendLayout(Styler.LegendLayout.Horizontal);
        chart.getStyler().setPlotGridLinesVisible(true);
        chart.getStyler().setOverlapped(false);
        return chart;
    }

    /** Points in the plane, each with its label written next to it (a word map, a map of latent codes). */
    public static XYChart labelledScatter(String title, double[][] xy, List<String> labels) {
        if (xy.length != labels.size()) throw new IllegalArgumentException(xy.length + " points but " + labels.size() + " labels");
        XYChart chart = new XYChartBuilder().width(WIDTH + 160).height(HEIGHT + 240).title(title).theme(Styler.ChartTheme.Matlab).build();
        var style = chart.getStyler();
        style.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        style.setLegendVisible(false);
        style.setMarkerSize(5);
        style.setAxisTicksVisible(false);
        style.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        double[] x = new double[xy.length], y = new double[xy.length];
        for (int i = 0; i < xy.length; i++) {
            x[i] = xy[i][0];
            y[i] = xy[i][1];
            chart.addAnnotation(new AnnotationText(labels.get(i), x[i], y[i], false));
        }
        chart.addSeries("points", x, y);
        return chart;
    }

    /** Ten colours that stay apart (the Matlab theme's seven repeat from the eighth series on). */
    private static final Color[] GROUP_COLOURS = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
            new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    /** Points in the plane coloured by group, with a legend: e.g. latent codes of test digits, one colour per digit. */
    public static XYChart scatterByGroup(String title, String xLabel, String yLabel, double[][] xy, int[] group, String[] groupNames) {
        if (xy.length != group.length) throw new IllegalArgumentException(xy.length + " points but " + group.length + " groups");
        XYChart chart = new XYChartBuilder().width(WIDTH + 80).height(HEIGHT + 200).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel)
                .theme(Styler.ChartTheme.Matlab).build();
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(4);
        chart.getStyler().setSeriesColors(GROUP_COLOURS);
        for (int g = 0; g < groupNames.length; g++) {
            List<Double> x = new ArrayList<>(), y = new ArrayList<>();
            for (int i = 0; i < xy.length; i++) {
                if (group[i] != g) continue;
                x.add(xy[i][0]);
                y.add(xy[i][1]);
            }
            if (!x.isEmpty()) chart.addSeries(groupNames[g], x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return chart;
    }

    /**
     * A grid of values as colours (low blue, high red): {@code values[row][column]}, with a label for each column
     * (x, left to right) and each row (y, bottom to top). E.g. a Q-table, or attention weights.
     */
    public static HeatMapChart heatmap(String title, String xLabel, String yLabel, List<String> columns, List<String> rows, double[][] values) {
        if (values.length != rows.size()) throw new IllegalArgumentException(rows.size() + " row labels but " + values.length + " rows");
        double min = Arrays.stream(values).flatMapToDouble(Arrays::stream).min().orElse(0);
        double max = Arrays.stream(values).flatMapToDouble(Arrays::stream).max().orElse(1);
        // XChart 3.8.8 indexes past its colour list for a cell exactly at the scale's top: such cells are drawn a
        // hair below it (an invisible change), so the legend still ends at the true maximum
        double top = max - Math.max(1e-12, (max - min) * 1e-6);
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < values.length; r++) {
            if (values[r].length != columns.size()) throw new IllegalArgumentException("row " + r + " has " + values[r].length + " values, not " + columns.size());
            for (int c = 0; c < values[r].length; c++) cells.add(new Number[] {c, r, Math.min(values[r][c], top)});
        }
        HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH + 120).height(HEIGHT + 200).title(title).xAxisTitle(xLabel).yAxisTitle(yLabel).build();
        chart.getStyler().setRangeColors(new Color[] {new Color(0x2c7bb6), new Color(0xffffbf), new Color(0xd7191c)});
        chart.getStyler().setMin(min).setMax(max).setHeatMapValueDecimalPattern("#,##0.#");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        // XChart prints the legend's ends as raw doubles ("-9.999999999999996"): ends rounded outwards to 6 digits read well
        chart.addSeries(title, columns, rows, cells).setMin(rounded(min, RoundingMode.FLOOR)).setMax(rounded(max, RoundingMode.CEILING));
        return chart;
    }

    private static double rounded(double value, RoundingMode direction) {
        return value == 0 ? 0 : new BigDecimal(value).round(new MathContext(6, direction)).doubleValue();
    }

    /**
     * Draws every chart this many times larger than its nominal size, text included: 1.5 or 2 makes charts readable
     * on a projector and sharp on a high-density screen. Starts at {@code COURSE_CHART_SCALE} (1 when unset).
     */
    public static void presentationScale(double scale) {
        if (!(scale >= 0.5 && scale <= 4)) throw new IllegalArgumentException("a chart scale between 0.5 and 4, not " + scale);
        Charts.scale = scale;
    }

    private static double initialScale() {
        String configured = System.getenv("COURSE_CHART_SCALE");
        try {
            return configured == null || configured.isBlank() ? 1 : Math.max(0.5, Math.min(4, Double.parseDouble(configured)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("COURSE_CHART_SCALE must be a number such as 1.5, not '" + configured + "'", e);
        }
    }

    /** The chart drawn as an image, at the presentation scale. */
    public static BufferedImage image(Chart<?, ?> chart) {
        return Captions.captioned(scale == 1 ? BitmapEncoder.getBufferedImage(chart) : scaled(chart), "chart: " + chart.getTitle());
    }

    private static BufferedImage scaled(Chart<?, ?> chart) {
        BufferedImage image = new BufferedImage((int) Math.round(chart.getWidth() * scale),
                (int) Math.round(chart.getHeight() * scale), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.scale(scale, scale);
        chart.paint(graphics, chart.getWidth(), chart.getHeight());
        graphics.dispose();
        return image;
    }

    /** Charts drawn side by side as one image, left to right, top-aligned (e.g. the same points at several moments). */
    public static BufferedImage row(List<? extends Chart<?, ?>> charts) {
        if (charts.isEmpty()) throw new IllegalArgumentException("no charts to draw");
        List<BufferedImage> images = charts.stream().map(Charts::image).toList();
        BufferedImage row = new BufferedImage(images.stream().mapToInt(BufferedImage::getWidth).sum(),
                images.stream().mapToInt(BufferedImage::getHeight).max().getAsInt(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = row.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, row.getWidth(), row.getHeight());
        int x = 0;
        for (BufferedImage image : images) {
            graphics.drawImage(image, x, 0, null);
            x += image.getWidth();
        }
        graphics.dispose();
        return Captions.captioned(row, "charts side by side: " + String.join("; ", charts.stream().map(Chart::getTitle).toList()));
    }
}
