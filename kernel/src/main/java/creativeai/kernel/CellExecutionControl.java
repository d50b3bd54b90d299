package creativeai.kernel;

import creativeai.kernel.runtime.StopCheck;
import jdk.jshell.execution.DirectExecutionControl;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * JShell's in-process execution engine for notebook cells: runs each snippet on its own thread so that an
 * interrupt can stop just that thread, and keeps the snippet's result as a Java object (not JShell's string
 * form) so the kernel can render it as an image, a table or HTML.
 *
 * <p>It also keeps variables alive when JShell recompiles their snippet because a later cell changed what its
 * names could mean (a new import, say): JShell then loads a new version of the snippet's class
 * ({@code $JShell$12B}) and, as this engine cannot redefine classes in place, the variable would silently
 * become null. The values are copied over from the previous version instead.
 *
 * <p>JShell's own local engine joins every thread the snippet started (ND4J starts long-lived ones, so a
 * cell would never finish) and stops them all on interrupt; this engine waits for the snippet thread only. It
 * loads each snippet class with {@link StopCheck} calls in its loops and methods, which makes a cell stoppable on
 * JDKs without {@code Thread.stop}.
 */
final class CellExecutionControl extends DirectExecutionControl {
    /** The string JShell receives in place of a value; the object itself is taken with {@link #takeLastValue()}. */
    static final String VALUE_HANDLE = "<value>";

    private final AtomicReference<Thread> running = new AtomicReference<>();
    /** Whether {@code Thread.stop} may end code that ignores interrupts (tests turn it off to prove the checks alone work). */
    private final boolean threadStopAllowed;
    /** A stop request for the cell being run: it holds until the next cell begins, whatever the cell was doing. */
    private volatile boolean stopRequested;
    private boolean stoppedSinceAsked;
    private Object lastValue;
    private Throwable lastFailure;
    /** Snippet class name without its version letter, e.g. REPL.$JShell$12, to the latest loaded version. */
    private final Map<String, Class<?>> snippetClasses = new HashMap<>();
    private static boolean warnedUnreadable;
    private static final Pattern SNIPPET_CLASS = Pattern.compile("(.*\\$JShell\\$\\d+)[A-Z]*");

    CellExecutionControl(boolean threadStopAllowed) {
        this.threadStopAllowed = threadStopAllowed;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(withStopChecks(classes));
        for (ClassBytecodes loaded : classes) {
            Matcher name = SNIPPET_CLASS.matcher(loaded.name());
            if (!name.matches()) continue;
            try {
                Class<?> current = findClass(loaded.name());
                Class<?> previous = snippetClasses.put(name.group(1), current);
                if (previous != null && previous != current) carryOver(previous, current);
            } catch (ClassNotFoundException e) {
                // not loaded after all: nothing to carry over
            }
        }
    }

    /**
     * The classes with {@link StopCheck} calls in every loop and method. A class file this ASM cannot read (a JDK
     * newer than it) loads as it is: its cells still run, and a stop falls back on interrupts.
     */
    private static ClassBytecodes[] withStopChecks(ClassBytecodes[] classes) {
        ClassBytecodes[] checked = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            byte[] bytes = classes[i].bytecodes();
            try {
                bytes = StopCheckInjector.instrument(bytes);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                if (!warnedUnreadable) System.err.println("(the kernel cannot add stop checks on this JDK: " + e.getMessage() + ")");
                warnedUnreadable = true;
            }
            checked[i] = new ClassBytecodes(classes[i].name(), bytes);
        }
        return checked;
    }

    /** Copies each static variable of the old snippet class into the new one, when its name and type are unchanged. */
    private static void carryOver(Class<?> from, Class<?> to) {
        for (Field old : from.getDeclaredFields()) {
            int modifiers = old.getModifiers();
            if (!Modifier.isStatic(modifiers) || Modifier.isFinal(modifiers)) continue;
            try {
                Field now = to.getDeclaredField(old.getName());
                if (!now.getType().equals(old.getType()) || Modifier.isFinal(now.getModifiers())) continue;
                old.setAccessible(true);
                now.setAccessible(true);
                now.set(null, old.get(null));
            } catch (NoSuchFieldException | IllegalAccessException | RuntimeException e) {
                // the variable changed: JShell's reset stands
            }
        }
    }

    @Override
    protected String invoke(Method snippet) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                result[0] = snippet.invoke(null);
            } catch (InvocationTargetException e) {
                failure[0] = e.getCause();
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "notebook-cell");
        thread.setContextClassLoader(snippet.getDeclaringClass().getClassLoader());
        thread.setDaemon(true);
        if (stopRequested) { // the request came while this cell compiled or between two of its statements
            stoppedSinceAsked = true;
            throw new StoppedException();
        }
        running.set(thread);
        try {
            thread.start();
            awaitEnd(thread);
        } finally {
            running.set(null);
            if (stopRequested) StopCheck.clear(); // the snippet has ended: code the cell left behind (a timer, a listener) runs on
        }
        if (stopRequested) {
            stoppedSinceAsked = true;
            throw new StoppedException();
        }
        if (failure[0] != null) {
            lastFailure = failure[0];
            throw new InvocationTargetException(failure[0]);
        }
        lastValue = result[0];
        return VALUE_HANDLE;
    }

    /**
     * Waits for the snippet's thread to end. If the waiting thread is interrupted (a magic's thread running the cell
     * of %%time or %load, when its cell is stopped), that is a stop request: the snippet is asked to stop and is still
     * waited for, so that JShell never sees an interrupted wait.
     */
    private void awaitEnd(Thread snippet) {
        while (true) {
            try {
                snippet.join();
                return;
            } catch (InterruptedException e) {
                stopRequested = true;
                StopCheck.request();
                snippet.interrupt();
            }
        }
    }

    /** The value of the last snippet run, handed over once. */
    Object takeLastValue() {
        Object value = lastValue;
        lastValue = null;
        return value;
    }

    /** A new cell starts: stop requests for the cell before no longer count. */
    void beginCell() {
        stopRequested = false;
        stoppedSinceAsked = false;
        StopCheck.clear();
    }

    /** Whether a stop was requested since the cell began. */
    boolean stopRequested() {
        return stopRequested;
    }

    /** The thread running the current snippet, or null between snippets. */
    Thread runningThread() {
        return running.get();
    }

    /** Whether a snippet was stopped since the last call. */
    boolean takeStopped() {
        boolean stopped = stoppedSinceAsked;
        stoppedSinceAsked = false;
        return stopped;
    }

    /** What the last failing snippet threw, as the real object (JShell only keeps its class name), handed over once. */
    Throwable takeLastFailure() {
        Throwable failure = lastFailure;
        lastFailure = null;
        return failure;
    }

    @Override
    public void stop() {
        requestStop();
    }

    /**
     * Stops the running cell, and holds the request until the cell has ended. The cell's own code stops at its next
     * stop check (every loop pass and method call); sleeps, waits and interruptible I/O end at once; a library
     * call that ignores interrupts (a long native operation) is stopped with {@code Thread.stop} where the JDK
     * still honours it (17 to 19) and otherwise runs to its end. Returns whether the cell's thread has ended.
     */
    boolean requestStop() {
        stopRequested = true;
        StopCheck.request();
        Thread thread = running.get();
        if (thread == null) return true;
        thread.interrupt();
        if (ended(thread, 200)) return true;
        if (threadStopAllowed && ThreadStopper.stop(thread)) return ended(thread, 200);
        return false;
    }

    private static boolean ended(Thread thread, long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
