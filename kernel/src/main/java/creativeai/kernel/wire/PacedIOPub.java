package creativeai.kernel.wire;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The iopub socket, written by one thread of its own, as ipykernel's IOPub thread does. Cells, widget callbacks and
 * the kernel only queue their messages, so a thread that is stopped mid-output (an interrupt, {@code Thread.stop})
 * can lose at most its own message and can never leave half a message on the socket, which corrupted every message
 * after it. The sender also keeps below the rates at which a Jupyter server stops relaying output ("IOPub message
 * rate exceeded": 1,000 messages and 1 MB of stream text a second over 3 s): it sends at most {@link #MESSAGES_PER_S}
 * messages and {@link #STREAM_BYTES_PER_S} bytes of text a second after a burst allowance, and a cell that outputs
 * faster waits for the queue ({@link #QUEUE_LENGTH} messages) to make room.
 */
public final class PacedIOPub extends IOPubChannel {
    static final int MESSAGES_PER_S = 500;
    static final int STREAM_BYTES_PER_S = 500_000;
    static final int QUEUE_LENGTH = 2_000;
    /** The server counts these types toward neither rate. */
    private static final Set<String> UNCOUNTED = Set.of("status", "comm_open", "execute_input");

    private final BlockingQueue<Message<?>> queue = new LinkedBlockingQueue<>(QUEUE_LENGTH);
    private final TokenBucket messages = new TokenBucket(MESSAGES_PER_S, 2L * MESSAGES_PER_S);
    private final TokenBucket streamBytes = new TokenBucket(STREAM_BYTES_PER_S, 2L * STREAM_BYTES_PER_S);
    private final PrintStream log;
    private final Thread sender;
    private volatile boolean closing;

    public PacedIOPub(ZMQ.Context context, HMACGenerator signatures, PrintStream log) {
        super(context, signatures);
        this.log = log;
        sender = new Thread(this::sendQueued, "iopub-sender");
        sender.setDaemon(true);
    }

    @Override
    public void bind(org.dflib.jjava.jupyter.kernel.KernelConnectionProperties properties) {
        super.bind(properties);
        sender.start();
    }

    /**
     * Queues the message; waits while the queue is full. A thread being stopped while it waits loses its message,
     * never half of one.
     */
    @Override
    public void sendMessage(Message<?> message) {
        if (closing || queue.offer(message)) return;
        try {
            queue.put(message);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the thread is being stopped: its output ends here
        }
    }

    private void sendQueued() {
        while (!closing) {
            Message<?> message;
            try {
                message = queue.poll(200, TimeUnit.MILLISECONDS);
                if (message == null) continue;
                pace(message);
            } catch (InterruptedException e) {
                return;
            }
            try {
                super.sendMessage(message);
            } catch (RuntimeException e) { // a socket closed under it at shutdown, or content Gson cannot write
                if (!closing) log.println("[kernel] could not send a " + message.getHeader().getType().getName() + ": " + e);
            }
        }
    }

    private void pace(Message<?> message) throws InterruptedException {
        MessageType<?> type = message.getHeader().getType();
        if (UNCOUNTED.contains(type.getName())) return;
        messages.take(1);
        if (message.getContent() instanceof PublishStream stream) {
            streamBytes.take(stream.getText().length()); // characters: close enough to bytes for a rate limit
        }
    }

    @Override
    public void close() {
        closing = true;
        sender.interrupt();
        super.close();
    }

    /** Tokens that refill at a steady rate up to a capacity; taking more than there are waits for the refill. */
    static final class TokenBucket {
        private final double perSecond;
        private final double capacity;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double perSecond, double capacity) {
            this.perSecond = perSecond;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        void take(long wanted) throws InterruptedException {
            refill();
            tokens -= wanted; // a single large message may overdraw; the next ones wait until it is paid back
            if (tokens < 0) {
                long waitNanos = (long) (-tokens / perSecond * 1e9);
                TimeUnit.NANOSECONDS.sleep(waitNanos);
            }
        }

        private void refill() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * perSecond);
            last = now;
        }
    }
}
