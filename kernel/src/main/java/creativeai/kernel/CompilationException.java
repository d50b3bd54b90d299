package creativeai.kernel;

/** A cell that does not compile: the message lists each problem with its line in the cell. */
public final class CompilationException extends Exception {
    public CompilationException(String message) {
        super(message);
    }
}
