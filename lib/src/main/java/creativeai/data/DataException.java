package creativeai.data;

/** A dataset that is missing, corrupt or malformed; the message says which file and what to do. */
public class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
