package creativeai.kernel.runtime;

import java.io.PrintStream;
import java.util.List;

/**
 * IJava's notebook functions that reach into the kernel, seen by every cell as plain functions:
 * {@code lineMagic(name, args)} and {@code cellMagic(name, args, body)} run a magic and return its result (a line
 * such as {@code List<String> jars = %jars lib/*.jar} becomes a call to {@code lineMagic}); {@code eval(code)} runs
 * code as a cell would and returns its value; {@code printf} is {@code System.out.printf}, as in JShell.
 */
public final class KernelFunctions {
    /** What the kernel offers these functions; installed once through {@link #connect}. */
    public interface Kernel {
        Object lineMagic(String name, List<String> args) throws Exception;

        Object cellMagic(String name, List<String> args, String body) throws Exception;

        Object eval(String code) throws Exception;
    }

    private static volatile Kernel kernel;

    private KernelFunctions() {
    }

    /** Called by the kernel at start; code outside a kernel never calls it. */
    public static void connect(Kernel running) {
        kernel = running;
    }

    /** Runs a line magic, e.g. {@code lineMagic("maven", List.of("org.example:lib:1.0"))}; its result as the type wanted. */
    @SuppressWarnings("unchecked")
    public static <T> T lineMagic(String name, List<String> args) {
        return (T) call(() -> kernel().lineMagic(name, args));
    }

    /** Runs a cell magic with the given body; its result as the type wanted. */
    @SuppressWarnings("unchecked")
    public static <T> T cellMagic(String name, List<String> args, String body) {
        return (T) call(() -> kernel().cellMagic(name, args, body));
    }

    /** Runs code as a cell of its own and returns the value of its last expression (null if it has none). */
    @SuppressWarnings("unchecked")
    public static <T> T eval(String code) {
        return (T) call(() -> kernel().eval(code));
    }

    public static PrintStream printf(String format, Object... args) {
        return System.out.printf(format, args);
    }

    private static Kernel kernel() {
        Kernel running = kernel;
        if (running == null) throw new IllegalStateException("magics and eval work only in a notebook, inside the kernel");
        return running;
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static Object call(Call call) {
        try {
            return call.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
