package creativeai.kernel.wire;

import org.dflib.jjava.jupyter.messages.Message;

/**
 * Why a message on one of the kernel's sockets was not acted on; {@link #replyTo()} is the sender to answer with an
 * error reply, or null when it cannot be answered (no readable header, a wrong signature).
 */
public final class RefusedMessage extends Exception {
    private final transient Message<?> replyTo;

    RefusedMessage(String reason) {
        this(reason, null);
    }

    private RefusedMessage(String reason, Message<?> replyTo) {
        super(reason, null, false, false);
        this.replyTo = replyTo;
    }

    RefusedMessage answering(Message<?> sender) {
        return new RefusedMessage(getMessage(), sender);
    }

    /** The refused message's identities and header (no content), or null. */
    public Message<?> replyTo() {
        return replyTo;
    }
}
