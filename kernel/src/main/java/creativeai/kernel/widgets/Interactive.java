package creativeai.kernel.widgets;

import java.util.ArrayList;
import java.util.List;

/**
 * Controls and an output area that reruns a piece of code whenever a control changes (ipywidgets'
 * {@code interactive}): the code reads the controls' values itself, and what it prints or displays replaces the
 * area's contents. Changes from the front end are run by the kernel one at a time, after the running cell, and a
 * burst of them (a slider dragged) runs the code once more with the latest values, not once per position.
 */
public final class Interactive extends Box {
    private final Callback body;
    private final Output output;

    private Interactive(Callback body, List<Widget> controls, Output output) {
        super("VBox", withOutput(controls, output));
        this.body = body;
        this.output = output;
        Runnable rerun = this::rerun; // one task for all the controls: a burst of changes to any of them runs it once
        for (Widget control : controls) listen(control, rerun);
        rerun();
    }

    private static List<Widget> withOutput(List<Widget> controls, Output output) {
        if (controls.isEmpty()) throw new IllegalArgumentException("interact needs at least one control");
        List<Widget> all = new ArrayList<>(controls);
        all.add(output);
        return all;
    }

    /** Listens to a control, or to every control in a box (controls laid out in rows and columns). */
    private static void listen(Widget control, Runnable rerun) {
        if (control instanceof Box box) box.children().forEach(child -> listen(child, rerun));
        else control.onChange(rerun);
    }

    /** Controls (or boxes of them), then the output area, with {@code body} run once now. */
    public static Interactive of(Callback body, Widget... controls) {
        return new Interactive(body, List.of(controls), Output.of());
    }

    /** Runs the code again with the controls as they are: the area shows only this run's output. */
    public void rerun() {
        output.clear();
        output.capture(body);
    }

    /** The output area. */
    public Output output() {
        return output;
    }

    @Override
    protected String direction() {
        return "column";
    }
}
