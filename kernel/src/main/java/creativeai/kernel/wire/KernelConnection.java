package creativeai.kernel.wire;

import org.dflib.jjava.jupyter.channels.IOPubChannel;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ShellChannel;
import org.dflib.jjava.jupyter.channels.StdinChannel;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.dflib.jjava.jupyter.messages.HMACGenerator;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.publish.PublishStatus;
import org.zeromq.ZMQ;

import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.function.BooleanSupplier;

/**
 * The kernel's five sockets, read and written in ways no message can break: the shell and control sockets are read
 * by {@link ShellLoop}s, which check every message ({@link WireMessages}) and answer or log what they refuse, with no
 * pause between messages; iopub is written by one paced thread ({@link PacedIOPub}); input is read by
 * {@link InputReader}; the heartbeat echoes at once ({@link Heartbeat}). The messaging library's own connection reads one message every 50 ms and lets a malformed
 * one end the thread that reads the shell socket. Its handler table and reply environments are reused as they are.
 */
public final class KernelConnection extends JupyterConnection {
    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final Heartbeat heartbeat;
    private final PacedIOPub iopub;
    private final ShellLoop shellLoop;
    private final ShellLoop controlLoop;
    private final InputReader input;

    /**
     * @param log           the kernel's own log (the Jupyter server's console), where refused messages are told
     * @param stopRequested whether the running cell was asked to stop (ends a wait for input)
     */
    public KernelConnection(KernelConnectionProperties properties, PrintStream log, BooleanSupplier stopRequested)
            throws GeneralSecurityException {
        super(properties);
        this.properties = properties;
        HMACGenerator signatures = properties.createHMACGenerator();
        WireMessages wire = new WireMessages(signatures);
        heartbeat = new Heartbeat(context);
        iopub = new PacedIOPub(context, signatures, log);
        StdinChannel stdin = new StdinChannel(context, signatures);
        input = new InputReader(stdin, wire, log, stopRequested);
        shellLoop = new ShellLoop("shell", new ShellChannel(context, signatures, false, this), this, wire, log);
        controlLoop = new ShellLoop("control", new ShellChannel(context, signatures, true, this), this, wire, log);
    }

    @Override
    public void connect() {
        heartbeat.bind(address(properties.getHbPort()));
        iopub.bind(properties);
        input.bind(properties);
        shellLoop.bind(address(properties.getShellPort()));
        controlLoop.bind(address(properties.getControlPort()));
        iopub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    private String address(int port) {
        return properties.getTransport() + "://" + properties.getIp() + ":" + port;
    }

    @Override
    public IOPubChannel getIOPub() {
        return iopub;
    }

    InputReader input() {
        return input;
    }

    @Override
    public void close() {
        shellLoop.shutdown();
        controlLoop.shutdown();
        heartbeat.close();
        iopub.close();
        input.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        shellLoop.waitUntilClosed();
        controlLoop.waitUntilClosed();
    }
}
