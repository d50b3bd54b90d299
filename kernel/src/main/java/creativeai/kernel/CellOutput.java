package creativeai.kernel;

import creativeai.kernel.runtime.LineBuffer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cell's standard output and error, sent to the notebook in whole lines, a few messages a second. The base
 * kernel's streams send a message for every write, so one {@code printf} arrived as a dozen fragments, which a
 * notebook saved to disk (or a page rendered from it) shows on a dozen lines, and a loop of {@code println} sent a
 * message a line. Here text waits at most {@link #FLUSH_MS} ms (so "training..." shows while the cell runs), or until
 * something else is displayed, which keeps the order; past {@link OutputBudget#LIMIT_BYTES} it is only counted.
 */
final class CellOutput implements AutoCloseable {
    static final long FLUSH_MS = 100;
    /** Complete lines wait for the next tick until this much text has gathered: a few messages a second at most. */
    static final int HOLD_BYTES = 64 * 1024;
    private final PrintStream originalOut;
    private final PrintStream originalErr;
    private final PrintStream out;
    private final PrintStream err;
    private final ScheduledFuture<?> ticker;
    private final OutputBudget outBudget;
    private final OutputBudget errBudget;

    private CellOutput(ScheduledExecutorService scheduler) {
        originalOut = System.out;
        originalErr = System.err;
        outBudget = new OutputBudget(originalOut);
        errBudget = new OutputBudget(originalErr);
        out = new PrintStream(new LineBuffer(outBudget, HOLD_BYTES), false, StandardCharsets.UTF_8);
        err = new PrintStream(new LineBuffer(errBudget, HOLD_BYTES), false, StandardCharsets.UTF_8);
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
        try {
            outBudget.close();
            errBudget.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setOut(originalOut);
        System.setErr(originalErr);
    }
}
