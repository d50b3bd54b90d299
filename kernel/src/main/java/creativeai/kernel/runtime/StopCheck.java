package creativeai.kernel.runtime;

/**
 * Whether the running cell was asked to stop. The kernel compiles a call to {@link #check()} into the start of each
 * method and before each backward jump (every pass of a loop) of the classes JShell makes from a cell, so a cell
 * stops when asked on every JDK, including those (20 and later) that no longer honour {@code Thread.stop}; the
 * course library's training loops ask {@link #requested()} (an interrupt alone is not enough: library code on the
 * way may clear it). The check is one read of a volatile field; it throws only while a stop is requested.
 */
public final class StopCheck {
    private static volatile boolean requested;

    private StopCheck() {
    }

    /** Called by cell code (put there by the kernel): ends the cell if a stop was requested. */
    public static void check() {
        if (requested) throw new CellStopped();
    }

    /** Whether a stop of the running cell was requested (always false outside a notebook). */
    public static boolean requested() {
        return requested;
    }

    /** Called by the kernel when a stop is requested. */
    public static void request() {
        requested = true;
    }

    /** Called by the kernel when the stopped cell has ended, or a new one begins. */
    public static void clear() {
        requested = false;
    }

    /**
     * What a stopped cell throws. An {@link Error}, so that the {@code catch (Exception e)} a cell may have around
     * its loop does not swallow it.
     */
    public static final class CellStopped extends Error {
        private CellStopped() {
            super("the cell was stopped", null, false, false);
        }
    }
}
