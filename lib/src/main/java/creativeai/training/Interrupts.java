package creativeai.training;

import creativeai.kernel.runtime.StopCheck;

import java.util.concurrent.CancellationException;

/**
 * How the course's training loops honour a stop request: they call {@link #check(String)} once a step, and end when
 * the notebook's stop button was pressed (the kernel's stop request) or their thread was interrupted (a caller's
 * {@code Future.cancel(true)}). On JDK 20 and later nothing else can end a loop that runs inside a library, and an
 * interrupt alone is not enough there: DL4J and ND4J code on the way can clear a thread's interrupt status.
 */
public final class Interrupts {
    private Interrupts() {
    }

    /** Throws {@link CancellationException} if a stop was requested; a thread's interrupt status stays set. */
    public static void check(String what) {
        if (StopCheck.requested() || Thread.currentThread().isInterrupted()) {
            throw new CancellationException(what + " stopped: a stop was requested");
        }
    }
}
