package creativeai.kernel;

import org.dflib.jjava.jupyter.kernel.util.StringStyler;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a cell threw into the lines a notebook shows: the exception and its message first, then the
 * stack frames of the user's and the libraries' code (not the kernel's own machinery), then the causes,
 * and a hint for the failures a student can fix (running out of memory).
 */
final class ErrorReport {
    private static final String SNIPPET_CLASS = "REPL.$JShell$";
    private final StringStyler styler;
    private final java.util.function.ToIntBiFunction<String, Integer> cellLine;

    /** @param cellLine the cell's line for a snippet class and its compiled line, or -1 if unknown */
    ErrorReport(StringStyler styler, java.util.function.ToIntBiFunction<String, Integer> cellLine) {
        this.styler = styler;
        this.cellLine = cellLine;
    }

    List<String> lines(Exception e) {
        List<String> lines = new ArrayList<>();
        if (e instanceof CompilationException || e instanceof CellInterruptedException) {
            lines.add(styler.secondary(e instanceof CompilationException ? "The cell does not compile:" : "Interrupted:"));
            e.getMessage().lines().forEach(line -> lines.add(styler.primary(line)));
            return lines;
        }
        Throwable shown = e instanceof UserCodeError ? e.getCause() : e;
        boolean first = true;
        for (Throwable t = shown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            lines.add(styler.secondary((first ? "" : "Caused by: ") + t));
            for (StackTraceElement frame : t.getStackTrace()) {
                if (isKernelFrame(frame)) break;
                lines.add(styler.primary("    at " + describe(frame)));
            }
            first = false;
        }
        if (isOutOfMemory(shown)) {
            lines.add(styler.highlight("Out of memory: make the batch or model smaller (the Parameters cell), or "
                    + "restart the kernel to free what earlier cells hold."));
        }
        return lines;
    }

    private static boolean isKernelFrame(StackTraceElement frame) {
        String cls = frame.getClassName();
        return cls.startsWith("creativeai.kernel.") || cls.startsWith("jdk.internal.reflect.")
                || cls.startsWith("java.lang.reflect.");
    }

    private String describe(StackTraceElement frame) {
        if (!frame.getClassName().startsWith(SNIPPET_CLASS)) return frame.toString();
        int line = cellLine.applyAsInt(frame.getClassName(), frame.getLineNumber());
        if (frame.getMethodName().equals("do_it$")) return line > 0 ? "the cell, line " + line : "the cell";
        String method = frame.getMethodName().startsWith("lambda$") ? "a lambda" : frame.getMethodName();
        return method + (line > 0 ? " (line " + line + " of the cell that defined it)" : " (defined in a cell)");
    }

    private static boolean isOutOfMemory(Throwable t) {
        for (; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError) return true;
            if (t.getMessage() != null && t.getMessage().contains("Physical memory usage is too high")) return true;
        }
        return false;
    }
}
