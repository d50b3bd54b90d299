package creativeai.kernel;

/**
 * What a cell's output says when a stop request could not stop it: the code it is inside ignores stop requests (a
 * long native call, a library loop that never checks), so it ends only when that call returns; restarting the
 * kernel stops it now.
 */
final class StuckCell {
    /** The package of the classes JShell compiles cells into. */
    private static final String SNIPPET_PACKAGE = "REPL.";

    private StuckCell() {
    }

    static String advice(Thread cell) {
        return "\nThe cell did not stop: it is inside " + where(cell.getStackTrace()) + ", which does not check for stop "
                + "requests on Java " + Runtime.version().feature() + ". It ends when that call returns. To stop it now, "
                + "restart the kernel (Kernel > Restart Kernel); the notebook's variables are lost, run its cells again.";
    }

    /** The call the cell's own code made and is waiting in (the frame just inside the cell's code), or the innermost frame. */
    static String where(StackTraceElement[] stack) {
        for (int i = 1; i < stack.length; i++) {
            if (stack[i].getClassName().startsWith(SNIPPET_PACKAGE)) return describe(stack[i - 1]);
        }
        return stack.length == 0 ? "a call" : describe(stack[0]);
    }

    private static String describe(StackTraceElement frame) {
        String type = frame.getClassName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethodName() + " (" + type + ")";
    }
}
