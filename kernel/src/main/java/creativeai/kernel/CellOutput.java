package creativeai.kernel;

import java.io.OutputStream;
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

    /** Collects bytes and passes them on at line ends and on flush(). */
    private static final class LineBuffer extends OutputStream {
        private final PrintStream target;
        private byte[] pending = new byte[256];
        private int size;

        LineBuffer(PrintStream target) {
            this.target = target;
        }

        @Override
        public synchronized void write(int b) {
            append(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            append(bytes, offset, length);
        }

        private void append(byte[] bytes, int offset, int length) {
            if (size + length > pending.length) pending = java.util.Arrays.copyOf(pending, Math.max(pending.length * 2, size + length));
            System.arraycopy(bytes, offset, pending, size, length);
            size += length;
            int lastNewline = -1;
            for (int i = size - 1; i >= size - length; i--) {
                if (pending[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            if (lastNewline >= 0) send(lastNewline + 1);
        }

        @Override
        public synchronized void flush() {
            if (size > 0) send(size);
        }

        /** Sends the first {@code count} bytes as one write, keeps the rest. */
        private void send(int count) {
            target.write(pending, 0, count);
            target.flush();
            System.arraycopy(pending, count, pending, 0, size - count);
            size -= count;
        }
    }
}
