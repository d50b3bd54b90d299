package creativeai.plot;

import creativeai.music.Key;
import creativeai.music.Note;
import creativeai.music.Tune;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * A melody drawn as a piano roll: time in bars across, pitch up, each note a bar as long as it sounds.
 * Notes from a given index on can be drawn in a second colour, to tell a prompt from what a model added.
 */
public final class PianoRoll {
    private static final double LABELS_BARS = 0.4;   // room at the left, in bars, for the tonics' names

    private PianoRoll() {
    }

    public static XYChart of(Tune tune) {
        return of(tune, tune.notes().size(), "notes", "");
    }

    /** Notes before {@code from} are labelled {@code firstLabel}, the rest {@code secondLabel}. */
    public static XYChart of(Tune tune, int from, String firstLabel, String secondLabel) {
        XYChart chart = Charts.lines(tune.title() + " (" + tune.key().abcName() + ", " + tune.meter() + ")", "bar",
                "pitch (a line for each note of the key)");
        chart.getStyler().setxAxisTickLabelsFormattingFunction(bar -> String.format("%.0f", bar));
        List<Note> notes = tune.notes();
        double bar = tune.barQuarters();
        double[] starts = new double[notes.size()];
        for (int i = 1; i < notes.size(); i++) starts[i] = starts[i - 1] + notes.get(i - 1).quarters();
        add(chart, firstLabel, notes, starts, 0, Math.min(from, notes.size()), bar, new Color(40, 90, 170));
        add(chart, secondLabel, notes, starts, from, notes.size(), bar, new Color(220, 110, 20));
        int low = notes.stream().filter(n -> !n.isRest()).mapToInt(Note::pitch).min().orElse(60);
        int high = notes.stream().filter(n -> !n.isRest()).mapToInt(Note::pitch).max().orElse(72);
        chart.getStyler().setYAxisMin(low - 2.0).setYAxisMax(high + 2.0);
        scale(chart, tune.key(), low - 2, high + 2);
        chart.getStyler().setXAxisMin(1 - LABELS_BARS);
        chart.getStyler().setLegendVisible(from > 0 && from < notes.size());
        return chart;
    }

    /**
     * Instead of pitch numbers (ticks that fall between the notes of the key, "C4 F4 A#4"), a thin line at every note of
     * the key's scale and the tonic's name (with its octave) at the left: the notes played sit on the lines.
     */
    private static void scale(XYChart chart, Key key, int low, int high) {
        var style = chart.getStyler();
        style.setYAxisTicksVisible(false).setPlotTicksMarksVisible(false).setPlotGridHorizontalLinesVisible(false);
        style.setAnnotationLineColor(new Color(225, 225, 225)).setAnnotationLineStroke(new BasicStroke(1f));
        style.setAnnotationTextFontColor(new Color(90, 90, 90));
        for (int pitch : keyLines(key, low, high)) {
            chart.addAnnotation(new AnnotationLine(pitch, false, false));
            if (isTonic(key, pitch)) chart.addAnnotation(new AnnotationText(Note.name(pitch), 1 - LABELS_BARS / 2, pitch, false));
        }
    }

    /** The pitches from low to high that are notes of the key. */
    static List<Integer> keyLines(Key key, int low, int high) {
        return java.util.stream.IntStream.rangeClosed(low, high).filter(key::inScale).boxed().toList();
    }

    static boolean isTonic(Key key, int pitch) {
        return Math.floorMod(pitch - key.tonic(), 12) == 0;
    }

    /** One series whose segments are the notes, separated by NaN gaps (XChart breaks a line at NaN). */
    private static void add(XYChart chart, String name, List<Note> notes, double[] starts, int from, int to, double bar, Color color) {
        List<Double> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Note note = notes.get(i);
            if (note.isRest()) continue;
            double start = 1 + starts[i] / bar;
            double end = 1 + (starts[i] + note.quarters() * 0.92) / bar;
            x.add(start);
            x.add(end);
            x.add(Double.NaN);
            y.add((double) note.pitch());
            y.add((double) note.pitch());
            y.add(Double.NaN);
        }
        if (x.isEmpty()) return;
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setLineStyle(new BasicStroke(5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    }
}
