package creativeai.kernel.wire;

import org.zeromq.SocketType;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import java.util.List;

/**
 * Echoes every message on the heartbeat socket at once, all its frames, whatever they hold: a front end that hears
 * no echo within seconds declares the kernel dead. A router socket, as ipykernel's, sends each echo back to its
 * sender and has no reply state for a half-sent message to break. (The messaging library's heartbeat looked every
 * 500 ms, and its REP socket stopped answering for good after a peer sent garbage.)
 */
final class Heartbeat {
    private final ZMQ.Socket socket;
    private final Thread thread;
    private volatile boolean running = true;

    Heartbeat(ZMQ.Context context) {
        socket = context.socket(SocketType.ROUTER);
        thread = new Thread(this::echo, "heartbeat");
        thread.setDaemon(true);
    }

    void bind(String address) {
        socket.bind(address);
        socket.setReceiveTimeOut(200);
        thread.start();
    }

    private void echo() {
        try {
            while (running) {
                try {
                    List<byte[]> frames = WireMessages.receiveFrames(socket, 0);
                    for (int i = 0; i < frames.size(); i++) {
                        if (i < frames.size() - 1) socket.sendMore(frames.get(i));
                        else socket.send(frames.get(i), ZMQ.DONTWAIT);
                    }
                } catch (ZMQException | IllegalStateException e) {
                    // one peer's failure, not the socket's
                }
            }
        } finally {
            socket.close(); // by its own thread: a socket closed under a thread in recv can throw from JeroMQ's internals
        }
    }

    /** Ends the echo within its receive timeout; the socket is closed when it has. */
    void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            socket.close();
            return;
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
