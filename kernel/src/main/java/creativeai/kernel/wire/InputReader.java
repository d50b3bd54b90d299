package creativeai.kernel.wire;

import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageContext;
import org.dflib.jjava.jupyter.messages.reply.InputReply;
import org.dflib.jjava.jupyter.messages.request.InputRequest;
import org.zeromq.ZMQ;

import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Asks the front end for a line of input ({@code System.in} in a cell, when the request allows stdin) and waits for
 * it on the stdin socket: messages left there before the question are dropped, a message that is not the answer is
 * refused in the log, and a stop request ends the wait at once. The messaging library's reader took whatever came
 * next as the answer and could not be stopped.
 */
final class InputReader {
    private static final int POLL_MS = 100;
    private final StdinChannel socket;
    private final WireMessages wire;
    private final PrintStream log;
    private final BooleanSupplier stopRequested;

    InputReader(StdinChannel socket, WireMessages wire, PrintStream log, BooleanSupplier stopRequested) {
        this.socket = socket;
        this.wire = wire;
        this.log = log;
        this.stopRequested = stopRequested;
    }

    void bind(KernelConnectionProperties properties) {
        socket.bind(properties);
        socket.setReceiveTimeOut(POLL_MS);
    }

    StdinChannel socket() {
        return socket;
    }

    /** The line the user typed, with a line end, as a console would give it. */
    synchronized String read(MessageContext request, String prompt, boolean password) {
        List<byte[]> stale;
        while (!(stale = WireMessages.receiveFrames(socket, ZMQ.DONTWAIT)).isEmpty()) {
            log.println("[kernel] dropped a message of " + stale.size() + " frames left on stdin before an input request");
        }
        boolean interrupted = Thread.interrupted(); // a send cut short by an interrupt would corrupt the socket
        socket.sendMessage(new Message<>(request, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, password)));
        if (interrupted) Thread.currentThread().interrupt();
        while (true) {
            if (Thread.currentThread().isInterrupted() || stopRequested.getAsBoolean()) {
                throw new UncheckedIOException(new InterruptedIOException("the cell was stopped while it waited for input"));
            }
            List<byte[]> frames = WireMessages.receiveFrames(socket, 0);
            if (frames.isEmpty()) continue;
            try {
                Message<?> message = wire.parse(frames);
                if (message.getContent() instanceof InputReply reply) return reply.getValue() + "\n";
                log.println("[kernel] refused a " + message.getHeader().getType().getName() + " on stdin: it waits for an input_reply");
            } catch (RefusedMessage refused) {
                log.println("[kernel] refused a message on stdin: " + refused.getMessage());
            }
        }
    }

    void close() {
        socket.close();
    }
}
