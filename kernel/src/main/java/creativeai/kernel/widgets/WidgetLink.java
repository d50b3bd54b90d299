package creativeai.kernel.widgets;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * Where widgets' state goes: in a kernel, to the front end over comms; with no kernel (unit tests, plain
 * {@code java}) nowhere, and the widgets live in this JVM only. Installed once by the kernel, as
 * {@link creativeai.kernel.runtime.Display} is.
 */
public interface WidgetLink {
    /** Opens the widget's comm with its whole state. */
    void open(Widget widget);

    /** Sends a change made in Java. */
    void update(Widget widget, Map<String, Object> changes);

    /** Closes the widget's comm. */
    default void close(Widget widget) {
    }

    /** The lines that describe an exception a callback threw, as the kernel shows a cell's. */
    default List<String> describe(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString().lines().toList();
    }

    static WidgetLink current() {
        return Holder.link;
    }

    /** Called by the kernel at start. */
    static void connect(WidgetLink link) {
        Holder.link = link;
    }

    /** The link before the kernel connects one: state stays in Java. */
    final class Holder {
        private static volatile WidgetLink link = new WidgetLink() {
            @Override
            public void open(Widget widget) {
            }

            @Override
            public void update(Widget widget, Map<String, Object> changes) {
            }
        };

        private Holder() {
        }
    }
}
