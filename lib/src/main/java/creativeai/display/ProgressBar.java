package creativeai.display;

import creativeai.kernel.runtime.Display;
import creativeai.training.TrainingView;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A progress bar for loops that take a while: steps done, time elapsed, an estimate of the time left and the
 * latest metrics (loss, accuracy). In a notebook it redraws itself in place a few times a second; outside
 * one it prints a line every few seconds.
 */
public final class ProgressBar implements TrainingView.Progress {
    private final String title;
    private final int total;
    private final LongSupplier clock;
    private final long startNanos;
    private final Throttle redraw;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private final String displayId;
    private int done;

    ProgressBar(String title, int total, LongSupplier clock) {
        if (total <= 0) throw new IllegalArgumentException("a progress bar needs a positive number of steps, not " + total);
        this.title = title;
        this.total = total;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
        this.redraw = new Throttle(Display.inNotebook() ? 0.25 : 3.0, clock);
        redraw.ready();
        this.displayId = Display.display(view());
    }

    /** Shows a new bar: {@code var bar = ProgressBar.start("training", EPOCHS * batches);} */
    public static ProgressBar start(String title, int totalSteps) {
        return new ProgressBar(title, totalSteps, System::nanoTime);
    }

    /** One more step done. */
    public void step() {
        advanceTo(done + 1);
    }

    /** One more step done, with a metric to show (e.g. "loss"). */
    @Override
    public void step(String metric, double value) {
        metrics.put(metric, value);
        step();
    }

    /** Sets how many steps are done; redraws when enough time has passed or the work is complete. */
    @Override
    public void advanceTo(int stepsDone) {
        done = Math.max(0, Math.min(total, stepsDone));
        if (done == total || redraw.ready()) Display.updateDisplay(displayId, view());
    }

    @Override
    public void complete() {
        advanceTo(total);
    }

    @Override
    public void metric(String name, double value) {
        metrics.put(name, value);
    }

    public int done() {
        return done;
    }

    /** Seconds left at the average pace so far, or NaN before the first step. */
    public double etaSeconds() {
        if (done == 0) return Double.NaN;
        return elapsedSeconds() / done * (total - done);
    }

    public double elapsedSeconds() {
        return (clock.getAsLong() - startNanos) / 1e9;
    }

    Html view() {
        StringBuilder text = new StringBuilder();
        int width = 30;
        int filled = (int) Math.round(width * done / (double) total);
        text.append(title).append(" [").append("=".repeat(filled)).append(" ".repeat(width - filled)).append("] ")
                .append(done).append('/').append(total)
                .append(String.format(" %3.0f%% %s elapsed", 100.0 * done / total, clockTime(elapsedSeconds())));
        if (done < total && done > 0) text.append(", ").append(clockTime(etaSeconds())).append(" left");
        metrics.forEach((name, value) -> text.append(String.format(", %s %.4g", name, value)));
        String html = "<div style=\"font-family:monospace\"><b>" + Html.escape(title) + "</b> <progress value=\"" + done
                + "\" max=\"" + total + "\" style=\"width:40%\"></progress> " + Html.escape(text.substring(text.indexOf("] ") + 2))
                + "</div>";
        return new Html(html, text.toString());
    }

    static String clockTime(double seconds) {
        if (Double.isNaN(seconds)) return "?";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%d:%02d", s / 60, s % 60);
    }
}
