package creativeai.kernel;

/**
 * The stop check compiled into every notebook cell: {@link StopCheckInjector} puts a call to {@link #check()} at
 * the start of each method and before each backward jump (every pass of a loop) of the classes JShell makes from a
 * cell, so a cell stops when asked on every JDK, including those (20 and later) that no longer honour
 * {@code Thread.stop}. The check is one read of a volatile field; it throws only while a stop is requested.
 */
public final class StopCheck {
    private static volatile boolean requested;

    private StopCheck() {
    }

    /** Called by cell code (put there by the kernel): ends the cell if a stop was requested. */
    public static void check() {
        if (requested) throw new CellStopped();
    }

    static void request() {
        requested = true;
    }

    static void clear() {
        requested = false;
    }

    /**
     * What a stopped cell throws. An {@link Error}, so that the {@code catch (Exception e)} a cell may have around
     * its loop does not swallow it.
     */
    public static final class CellStopped extends Error {
        CellStopped() {
            super("the cell was stopped", null, false, false);
        }
    }
}
