package creativeai.kernel;

import java.lang.reflect.Method;

/**
 * Calls the deprecated {@code Thread.stop()} where the running JDK still supports it (17 to 19) and reports
 * whether it could. Reflection keeps the kernel compiling on JDKs that have removed the method's body.
 */
final class ThreadStopper {
    private ThreadStopper() {
    }

    static boolean stop(Thread thread) {
        try {
            Method stop = Thread.class.getMethod("stop");
            stop.invoke(thread);
            return true;
        } catch (ReflectiveOperationException | UnsupportedOperationException e) {
            return false;
        }
    }
}
