package creativeai.training;

import java.util.concurrent.CancellationException;

/**
 * How the course's training loops honour a stop request: they call {@link #check(String)} once a step, and end when
 * their thread has been interrupted (the notebook's stop button, a caller's {@code Future.cancel(true)}). On JDK 20
 * and later nothing else can end a loop that runs inside a library, so every long loop here checks.
 */
public final class Interrupts {
    private Interrupts() {
    }

    /** Throws {@link CancellationException} if the current thread was interrupted; its interrupt status stays set. */
    public static void check(String what) {
        if (Thread.currentThread().isInterrupted()) throw new CancellationException(what + " stopped: its thread was interrupted");
    }
}
