package creativeai.kernel;

/**
 * Carries a {@link Throwable} that is not an {@link Exception} (an {@code OutOfMemoryError}, a
 * {@code StackOverflowError}) thrown by a cell, so the kernel can report it like any other failure.
 */
public final class UserCodeError extends Exception {
    public UserCodeError(Throwable cause) {
        super(cause.toString(), cause);
        setStackTrace(cause.getStackTrace());
    }
}
