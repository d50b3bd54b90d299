package creativeai.display;

import creativeai.kernel.runtime.Display;
import creativeai.plot.Charts;
import creativeai.training.TrainingView;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A line chart that grows while a model trains (loss per step, validation per epoch) and redraws in place,
 * at most once a second, as a PNG. Call {@link #finish()} at the end to draw the last points.
 */
public final class LiveChart implements TrainingView.Curves {
    private final XYChart chart;
    private final Map<String, List<Double>> xs = new LinkedHashMap<>();
    private final Map<String, List<Double>> ys = new LinkedHashMap<>();
    private final Set<String> marked = new HashSet<>();
    private final Throttle redraw;
    private final String displayId;

    LiveChart(XYChart chart, LongSupplier clock) {
        this.chart = chart;
        chart.getStyler().setXAxisDecimalPattern("#,##0.#"); // ticks at fractions of an epoch ran into each other
        this.redraw = new Throttle(1.0, clock);
        redraw.ready();
        this.displayId = Display.inNotebook() ? Display.display(Charts.image(chart)) : null;
    }

    /** Shows an empty chart: {@code var curve = LiveChart.start("Loss", "step", "bits per character");} */
    public static LiveChart start(String title, String xLabel, String yLabel) {
        return new LiveChart(Charts.lines(title, xLabel, yLabel), System::nanoTime);
    }

    /** Fixes the x axis (e.g. 0 to the number of epochs), so the chart does not rescale as it grows; a max of NaN grows with the data. */
    @Override
    public LiveChart xAxis(double min, double max) {
        chart.getStyler().setXAxisMin(min).setXAxisMax(Double.isNaN(max) ? null : max);
        return this;
    }

    /** Draws the series' points as dots too: for series with few points, such as one per epoch. */
    @Override
    public LiveChart markers(String... series) {
        marked.addAll(java.util.List.of(series));
        chart.getStyler().setMarkerSize(7);
        return this;
    }

    /** Adds a point to a series (created on first use) and redraws when a second has passed. */
    @Override
    public void add(String series, double x, double y) {
        xs.computeIfAbsent(series, s -> new ArrayList<>()).add(x);
        ys.computeIfAbsent(series, s -> new ArrayList<>()).add(y);
        if (redraw.ready()) draw();
    }

    /** Draws the latest points; returns the chart so a cell can show or save it. */
    @Override
    public XYChart finish() {
        draw();
        return chart;
    }

    public List<Double> values(String series) {
        return List.copyOf(ys.getOrDefault(series, List.of()));
    }

    private void draw() {
        for (String series : xs.keySet()) {
            if (chart.getSeriesMap().containsKey(series)) {
                chart.updateXYSeries(series, xs.get(series), ys.get(series), null);
            } else {
                var added = chart.addSeries(series, xs.get(series), ys.get(series));
                added.setMarker(marked.contains(series) ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
            }
        }
        if (displayId != null && !xs.isEmpty()) Display.updateDisplay(displayId, Charts.image(chart));
    }
}
