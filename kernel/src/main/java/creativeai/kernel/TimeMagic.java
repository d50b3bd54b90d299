package creativeai.kernel;

import org.dflib.jjava.jupyter.kernel.magic.registry.CellMagic;

import java.util.List;
import java.util.Locale;

/**
 * {@code %%time} on a cell's first line runs the rest of the cell and then prints how long it took (wall-clock
 * time, as IPython's {@code %%time} does), even when the cell fails. The cell's value is shown as usual.
 */
public final class TimeMagic {
    /** Evaluates the body of the cell (its magics, then its Java) and returns its value. */
    public interface Evaluator {
        Object eval(String code) throws Exception;
    }

    private final Evaluator evaluator;

    public TimeMagic(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    @CellMagic
    public Object time(List<String> args, String body) throws Exception {
        if (!args.isEmpty()) throw new IllegalArgumentException("%%time takes no arguments; put the code on the lines below it");
        long start = System.nanoTime();
        try {
            return evaluator.eval(body);
        } finally {
            System.out.printf(Locale.ROOT, "Wall time: %s%n", seconds((System.nanoTime() - start) / 1e9));
        }
    }

    static String seconds(double seconds) {
        if (seconds < 1e-3) return String.format(Locale.ROOT, "%.0f µs", seconds * 1e6);
        if (seconds < 1) return String.format(Locale.ROOT, "%.0f ms", seconds * 1e3);
        if (seconds < 60) return String.format(Locale.ROOT, "%.2f s", seconds);
        return String.format(Locale.ROOT, "%d min %.0f s", (long) (seconds / 60), seconds % 60);
    }
}
