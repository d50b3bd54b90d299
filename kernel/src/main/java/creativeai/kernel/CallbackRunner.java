package creativeai.kernel;

import creativeai.kernel.runtime.StopCheck;

import java.io.PrintStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Lock;

/**
 * Runs what widgets ask for when the front end changes them (a listener, an {@code interact} body, a click): one at
 * a time, never while a cell runs (they share the kernel's turn), each on a thread of its own so that the notebook's
 * stop button ends it as it ends a cell. A task already waiting is not queued twice: a burst of changes (a slider
 * dragged) runs it once more with the latest values after a short quiet time.
 */
final class CallbackRunner {
    /** How long a burst of changes may go quiet before its task runs. */
    static final long QUIET_MS = 40;
    private final Lock turn;
    private final PrintStream log;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "widget-callbacks");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Runnable> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Thread> running = new AtomicReference<>();
    private final boolean threadStopAllowed;

    /** @param turn held by a running cell; log: where failures outside any output area go (the kernel's log) */
    CallbackRunner(Lock turn, PrintStream log, boolean threadStopAllowed) {
        this.turn = turn;
        this.log = log;
        this.threadStopAllowed = threadStopAllowed;
    }

    /** Queues {@code task} unless it is already waiting; {@code before} runs first, in the task's turn. */
    void schedule(Runnable task, Runnable before) {
        if (!waiting.add(task)) return;
        worker.execute(() -> {
            try {
                Thread.sleep(QUIET_MS);
            } catch (InterruptedException e) {
                return;
            }
            waiting.remove(task); // a change from now on queues another run, with the newer values
            turn.lock();
            try {
                before.run();
                StopCheck.clear();
                runStoppable(task);
            } finally {
                StopCheck.clear();
                turn.unlock();
            }
        });
    }

    private void runStoppable(Runnable task) {
        Thread thread = new Thread(() -> {
            try {
                task.run();
            } catch (StopCheck.CellStopped | ThreadDeath stopped) {
                log.println("widget callback stopped");
            } catch (Throwable e) {
                log.println("a widget callback failed (it has no output area to show it in):");
                e.printStackTrace(log);
            }
        }, "notebook-callback");
        thread.setDaemon(true);
        thread.setContextClassLoader(task.getClass().getClassLoader());
        running.set(thread);
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running.set(null);
        }
    }

    /** Whether a callback is running now. */
    boolean busy() {
        return running.get() != null;
    }

    /** Stops the running callback as a cell is stopped: its stop checks, an interrupt, then Thread.stop where allowed. */
    void stop() {
        Thread thread = running.get();
        if (thread == null) return;
        StopCheck.request();
        thread.interrupt();
        try {
            thread.join(200);
            if (thread.isAlive() && threadStopAllowed) ThreadStopper.stop(thread);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void shutdown() {
        worker.shutdownNow();
    }
}
