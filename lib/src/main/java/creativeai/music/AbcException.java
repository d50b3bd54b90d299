package creativeai.music;

/** ABC text that cannot be read: the message names the tune, the line and the column. */
public final class AbcException extends IllegalArgumentException {
    public AbcException(String message) {
        super(message);
    }
}
