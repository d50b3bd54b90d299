package creativeai.kernel;

/** Raised in place of a cell's result when the user interrupted it or it ran past the evaluation timeout. */
public final class CellInterruptedException extends Exception {
    public CellInterruptedException(String message) {
        super(message);
    }
}
