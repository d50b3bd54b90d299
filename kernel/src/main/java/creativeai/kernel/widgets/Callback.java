package creativeai.kernel.widgets;

/**
 * Code a widget runs for you, as a cell would: it may throw any exception (a model's {@code IOException}, a sleep's
 * {@code InterruptedException}), which then shows in the widget's output area. {@code Runnable} cannot throw them,
 * so a lambda that calls such methods would need a try block in every notebook.
 */
@FunctionalInterface
public interface Callback {
    void run() throws Exception;
}
