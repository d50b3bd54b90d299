package creativeai.kernel;

import creativeai.kernel.runtime.LineBuffer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cell's standard output and error, sent to the notebook a whole line at a time. The base kernel's streams send a
 * message for every write, so one {@code printf} arrived as a dozen fragments, which a notebook saved to disk (or a
 * page rendered from it) shows on a dozen lines. Here text waits until its line ends, or at most {@link #FLUSH_MS}
 * ms (so "training..." shows while the cell runs), or until something else is displayed, which keeps the order.
 */
final class CellOutput implements AutoCloseable {
    static final long FLUSH_MS = 100;
    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final PrintStream out;
    private final PrintStream err;
    private final ScheduledFuture<?> ticker;

    private CellOutput(ScheduledExecutorService scheduler) {
        originalOut = System.out;
        originalErr = System.err;
        out = new PrintStream(new LineBuffer(originalOut), false, StandardCharsets.UTF_8);
        err = new PrintStream(new LineBuffer(originalErr), false, StandardCharsets.UTF_8);
        System.setOut(out);
        System.setErr(err);
        ticker = scheduler.scheduleWithFixedDelay(this::flush, FLUSH_MS, FLUSH_MS, TimeUnit.MILLISECONDS);
    }

    /** Line-buffers System.out and System.err until {@link #close()}. */
    static CellOutput capture(ScheduledExecutorService scheduler) {
        return new CellOutput(scheduler);
    }

    /** Sends whatever is waiting, complete line or not. */
    void flush() {
        out.flush();
        err.flush();
    }

    @Override
    public void close() {
        ticker.cancel(false);
        flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
