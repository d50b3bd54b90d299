package creativeai.kernel;

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
 * cell would never finish) and stops them all on interrupt; this engine waits for the snippet thread only.
 */
final class CellExecutionControl extends DirectExecutionControl {
    /** The string JShell receives in place of a value; the object itself is taken with {@link #takeLastValue()}. */
    static final String VALUE_HANDLE = "<value>";

    private final AtomicReference<Thread> running = new AtomicReference<>();
    /** A stop request for the cell being run: it holds until the next cell begins, whatever the cell was doing. */
    private volatile boolean stopRequested;
    private boolean stoppedSinceAsked;
    private Object lastValue;
    private Throwable lastFailure;
    /** Snippet class name without its version letter, e.g. REPL.$JShell$12, to the latest loaded version. */
    private final Map<String, Class<?>> snippetClasses = new HashMap<>();
    private static final Pattern SNIPPET_CLASS = Pattern.compile("(.*\\$JShell\\$\\d+)[A-Z]*");

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        super.load(classes);
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
            thread.join();
        } finally {
            running.set(null);
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

    /**
     * Stops the running snippet: first an interrupt (sleeps, waits and I/O end at once), then, for code that
     * ignores interrupts (a busy loop, a training loop), {@code Thread.stop}, which JDK 17 to 19 still honour.
     */
    @Override
    public void stop() {
        stopRequested = true;
        Thread thread = running.get();
        if (thread == null) return;
        thread.interrupt();
        try {
            thread.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (thread.isAlive()) ThreadStopper.stop(thread);
    }
}
