package creativeai.display;

import java.util.function.LongSupplier;

/** Lets an action through at most once per interval (redrawing a chart for every step would be the slowest part). */
final class Throttle {
    private final long intervalNanos;
    private final LongSupplier clock;
    private long last = Long.MIN_VALUE;

    Throttle(double intervalSeconds, LongSupplier clock) {
        this.intervalNanos = (long) (intervalSeconds * 1e9);
        this.clock = clock;
    }

    boolean ready() {
        long now = clock.getAsLong();
        if (last != Long.MIN_VALUE && now - last < intervalNanos) return false;
        last = now;
        return true;
    }
}
