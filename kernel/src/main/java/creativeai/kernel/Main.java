package creativeai.kernel;

import creativeai.kernel.wire.KernelConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the kernel for a Jupyter front end: {@code java creativeai.kernel.Main <connection-file>}. The
 * evaluation timeout comes from {@code COURSE_EVAL_TIMEOUT} (seconds; unset or 0 means no limit).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java creativeai.kernel.Main <jupyter connection file>");
            System.exit(2);
        }
        Logger.getLogger("").setLevel(Level.WARNING);
        exitWithTheFrontEnd(System.getenv("JPY_PARENT_PID"));
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        MemoryGuard memoryGuard = MemoryGuard.ofThisProcess().orElse(null);
        MemoryKillNote killNote = memoryGuard == null ? null : MemoryKillNote.atStart(Path.of(args[0]), memoryGuard).orElse(null);
        if (killNote != null) Runtime.getRuntime().addShutdownHook(new Thread(killNote::forget));
        JavaKernel kernel = new JavaKernel(evaluationTimeout(), memoryGuard,
                killNote == null ? null : killNote.note().orElse(null));
        KernelConnection connection = new KernelConnection(properties, System.err, kernel::stopRequested);
        kernel.becomeHandlerForConnection(connection);
        try {
            connection.connect();
        } catch (ZMQException e) {
            if (e.getErrorCode() != ZMQ.Error.EADDRINUSE.getCode()) throw e;
            System.err.println("The kernel cannot listen on the ports in " + args[0] + ": one was taken by another "
                    + "program after the Jupyter server chose it. The server starts the kernel again (on new ports "
                    + "while it is starting, with the classroom's settings).");
            System.exit(1);
        }
        connection.waitUntilClose();
        System.exit(0);
    }

    /**
     * Ends the kernel when the Jupyter process that started it is gone (a crash, {@code kill -9}, a closed laptop
     * lid), as ipykernel does: otherwise an orphaned kernel with a busy cell burns a core until someone finds it.
     */
    static void exitWithTheFrontEnd(String parentPid) {
        frontEnd(parentPid, System.getProperty("os.name", "").startsWith("Windows")).ifPresent(parent -> parent.ifPresentOrElse(
                process -> process.onExit().thenRun(() -> Runtime.getRuntime().halt(0)),
                () -> Runtime.getRuntime().halt(0)));
    }

    /**
     * The process to outlive no one: none when Jupyter did not start this kernel ({@code JPY_PARENT_PID} unset), an
     * empty one when it is gone already. Jupyter passes its process id in {@code JPY_PARENT_PID}; on Windows it
     * passes a handle there instead, which Java cannot use, so the kernel watches the process that started it.
     */
    static Optional<Optional<ProcessHandle>> frontEnd(String parentPid, boolean windows) {
        if (parentPid == null || parentPid.isBlank()) return Optional.empty();
        if (windows) return Optional.of(ProcessHandle.current().parent());
        try {
            return Optional.of(ProcessHandle.of(Long.parseLong(parentPid.strip())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static Duration evaluationTimeout() {
        String seconds = System.getenv("COURSE_EVAL_TIMEOUT");
        if (seconds == null || seconds.isBlank()) return Duration.ZERO;
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("COURSE_EVAL_TIMEOUT must be a whole number of seconds, not '" + seconds + "'");
        }
    }
}
