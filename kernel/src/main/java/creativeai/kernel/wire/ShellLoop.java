package creativeai.kernel.wire;

import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.ShellHandler;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the shell socket (or the control socket) and runs each request's handler, one at a time, with no pause
 * between messages. A message that cannot be read is refused in the kernel's log, and answered with an error reply
 * when its sender and type are known; a handler that throws is logged and its request answered, so a front end
 * never waits for a reply that will not come. After a cell fails, the cells already queued behind it are answered
 * "aborted" without running ({@code stop_on_error}, what "Run All" expects), as ipykernel does.
 */
final class ShellLoop {
    private static final int POLL_MS = 200;
    private final String name;
    private final ShellChannel socket;
    private final KernelConnection connection;
    private final WireMessages wire;
    private final PrintStream log;
    private final Thread thread;
    private volatile boolean running = true;

    ShellLoop(String name, ShellChannel socket, KernelConnection connection, WireMessages wire, PrintStream log) {
        this.name = name;
        this.socket = socket;
        this.connection = connection;
        this.wire = wire;
        this.log = log;
        thread = new Thread(this::run, name + "-loop");
    }

    void bind(String address) {
        // every request gets its reply: a router socket drops what it cannot queue for a peer (1,000 messages by
        // default), and a client that sends thousands of requests before it reads (a "Run All" of aborted cells
        // on a busy machine) lost 169 replies of 10,000 in CI
        socket.setSndHWM(0);
        // and every request is taken in while a cell runs: with 1,000 queued here and the TCP buffers full, a
        // client's send blocks until the cell ends, and a cell that waits for that client never ends (a CI run
        // hung for 40 minutes on 10,000 queued cells)
        socket.setRcvHWM(0);
        socket.bind(address);
        socket.setReceiveTimeOut(POLL_MS);
        thread.start();
    }

    private void run() {
        int failures = 0;
        while (running) {
            try {
                List<byte[]> frames = WireMessages.receiveFrames(socket, 0);
                if (!frames.isEmpty()) handle(frames);
                failures = 0;
            } catch (ZMQException | IllegalStateException e) {
                if (!running) return;
                log.println("[kernel] the " + name + " socket failed: " + e);
                if (++failures == 100) return; // the socket itself is gone, not one peer's message
            }
        }
    }

    private void handle(List<byte[]> frames) {
        Message<?> message = parseOrRefuse(frames);
        if (message != null) dispatch(message);
    }

    /**
     * The requests that were already waiting when a cell failed, taken off the socket before the failed cell's reply
     * goes out: a front end sends its next request only after that reply, so what it sends then is never aborted.
     */
    private List<Message<?>> waiting() {
        List<Message<?>> waiting = new ArrayList<>();
        List<byte[]> frames;
        while (!(frames = WireMessages.receiveFrames(socket, ZMQ.DONTWAIT)).isEmpty()) {
            Message<?> message = parseOrRefuse(frames);
            if (message != null) waiting.add(message);
        }
        return waiting;
    }

    /** Answers the waiting execute requests "aborted" without running them; other requests are handled as usual. */
    private void abort(List<Message<?>> waiting) {
        for (Message<?> message : waiting) {
            if (message.getHeader().getType() != MessageType.EXECUTE_REQUEST) {
                dispatch(message);
                continue;
            }
            CellReplyEnvironment env = environment(message);
            env.setBusyDeferIdle();
            env.reply(new Aborted());
            env.resolveDeferrals();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message<?> message) {
        MessageType<?> type = message.getHeader().getType();
        ShellHandler handler = connection.getHandler(type);
        if (handler == null) {
            log.println("[kernel] refused a " + type.getName() + " on " + name + ": the kernel has no handler for it");
            return;
        }
        CellReplyEnvironment env = environment(message);
        try {
            handler.handle(env, message);
        } catch (Exception | LinkageError | AssertionError e) {
            log.println("[kernel] a " + type.getName() + " failed: " + e);
            if (!env.replied()) replyError(message, e.toString());
        }
        List<Message<?>> waiting = env.executeFailed() && env.stopOnError() ? waiting() : List.of();
        try {
            env.resolveDeferrals(); // the reply and the idle status
        } catch (RuntimeException e) {
            log.println("[kernel] finishing a " + type.getName() + " failed: " + e);
        }
        if (env.isMarkedForShutdown()) connection.close();
        abort(waiting);
    }

    private CellReplyEnvironment environment(Message<?> request) {
        return new CellReplyEnvironment(socket, connection.input(), connection.getIOPub(), request);
    }

    /** The message, or null once it has been refused (and answered, when its sender is known). */
    private Message<?> parseOrRefuse(List<byte[]> frames) {
        try {
            return wire.parse(frames);
        } catch (RefusedMessage refused) {
            refuse(refused);
            return null;
        }
    }

    private void refuse(RefusedMessage refused) {
        log.println("[kernel] refused a message on " + name + ": " + refused.getMessage());
        if (refused.replyTo() != null) replyError(refused.replyTo(), refused.getMessage());
    }

    /** An error reply to a request whose reply type the protocol names (comm messages have none: logged only). */
    private void replyError(Message<?> request, String reason) {
        String requestType = request.getHeader().getType().getName();
        if (!requestType.endsWith("_request")) return;
        MessageType<?> replyType = MessageType.getType(requestType.replace("_request", "_reply"));
        if (replyType == MessageType.UNKNOWN) return;
        CellReplyEnvironment env = environment(request);
        env.setBusyDeferIdle();
        env.replyError(replyType, new ErrorReply("BadRequest", reason, List.of("BadRequest: " + reason)));
        env.resolveDeferrals();
    }

    void shutdown() {
        running = false;
    }

    void waitUntilClosed() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The reply to a cell that was not run because one before it failed. */
    static final class Aborted implements ContentType<Aborted>, ReplyType<Object> {
        @SuppressWarnings("unused") // read by Gson
        private final String status = "aborted";

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<Aborted> getType() {
            return (MessageType) MessageType.EXECUTE_REPLY;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        public MessageType<Object> getRequestType() {
            return (MessageType) MessageType.EXECUTE_REQUEST;
        }
    }
}
