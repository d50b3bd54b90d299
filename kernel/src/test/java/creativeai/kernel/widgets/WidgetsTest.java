package creativeai.kernel.widgets;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Widgets with no kernel: their state, the front end's messages applied to them, and interact's output area. */
class WidgetsTest {

    @Test
    void interactRunsItsBodyAtOnceAndAgainAfterEveryChange() {
        IntSlider k = IntSlider.of("top-k", 5).range(1, 40);
        Interactive shown = Widgets.interactive(() -> System.out.println("k is " + k.value()), k);
        assertEquals("k is 5\n", shown.output().text());
        k.value(12);
        assertEquals("k is 12\n", shown.output().text(), "the area shows only the latest run");
        assertTrue(shown.fallbackText().contains("top-k: 12") && shown.fallbackText().contains("k is 12"), shown.fallbackText());
    }

    @Test
    void anExceptionInTheBodyIsShownInTheAreaNotThrown() {
        IntSlider k = IntSlider.of("k", 1);
        Interactive shown = Widgets.interactive(() -> {
            if (k.value() > 3) throw new IllegalStateException("k is too large: " + k.value());
            System.out.println("fine");
        }, k);
        k.value(4);
        Map<String, Object> error = shown.output().outputs().get(0);
        assertEquals("error", error.get("output_type"));
        assertEquals("IllegalStateException", error.get("ename"));
        assertEquals("k is too large: 4", error.get("evalue"));
        assertTrue(shown.output().fallbackHtml().contains("k is too large: 4"));
    }

    @Test
    void listenersRunWhenTheValueChangesNotTheRange() {
        IntSlider k = IntSlider.of("k", 5);
        int[] runs = {0};
        k.onChange(() -> runs[0]++);
        k.range(0, 50).step(5);
        assertEquals(0, runs[0], "the value stayed 5");
        k.range(10, 50);
        assertEquals(1, runs[0], "the value was clamped to 10");
        assertEquals(10, k.value());
    }

    @Test
    void theBodyMayThrowACheckedException() {
        Checkbox go = Checkbox.of("read", false);
        Interactive shown = Widgets.interactive(() -> {
            if (go.value()) throw new java.io.IOException("no such file: tune.abc");
        }, go);
        go.value(true);
        assertEquals("IOException", shown.output().outputs().get(0).get("ename"));
    }

    @Test
    void aFrontEndUpdateIsCheckedTypedClampedAndEchoed() {
        FloatSlider t = FloatSlider.of("temperature", 0.8).range(0.1, 2.0);
        int[] runs = {0};
        t.onChange(() -> runs[0]++);
        FrontEndMessage message = FrontEndMessage.apply(t, Map.of("method", "update", "state", Map.of("value", 5)), List.of());
        assertEquals(Map.of("value", 2.0), message.echo(), "a whole number is taken as a double, then clamped to the range");
        assertEquals(2.0, t.value());
        message.toRun().forEach(Runnable::run);
        assertEquals(1, runs[0], "the kernel runs the listeners it is handed");

        FrontEndMessage wrong = FrontEndMessage.apply(t, Map.of("method", "update", "state", Map.of("value", "hot", "_model_name", "X", "colour", 1)), List.of());
        assertTrue(wrong.echo().isEmpty());
        assertEquals(3, wrong.refused().size(), wrong.refused().toString());
        assertEquals(Map.of("value", 2.0, "_model_name", "FloatSliderModel"), wrong.restate(), "refused values are sent back as the kernel has them");
        assertTrue(wrong.toRun().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> FrontEndMessage.apply(t, Map.of("method", "explode"), List.of()));
    }

    @Test
    void aChoiceOutsideTheOptionsIsRefused() {
        Dropdown corpus = Dropdown.of("corpus", List.of("sonnets", "Tang"));
        FrontEndMessage message = FrontEndMessage.apply(corpus, Map.of("method", "update", "state", Map.of("index", 2)), List.of());
        assertEquals(1, message.refused().size());
        assertEquals("sonnets", corpus.value());
        FrontEndMessage.apply(corpus, Map.of("method", "update", "state", Map.of("index", 1)), List.of());
        assertEquals("Tang", corpus.value());
    }

    @Test
    void aButtonClickRunsItsActions() {
        int[] clicks = {0};
        Button again = Button.of("again").onClick(() -> clicks[0]++);
        FrontEndMessage.apply(again, Map.of("method", "custom", "content", Map.of("event", "click")), List.of()).toRun().forEach(Runnable::run);
        assertEquals(1, clicks[0]);
    }

    @Test
    void imagesTravelAsBuffersAndWidgetsAsReferences() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        ImageView view = ImageView.of(png);
        WidgetState state = WidgetState.of(view.state());
        assertEquals(List.of(png), state.buffers());
        assertEquals("[[\"value\"]]", state.bufferPaths().toString());
        assertEquals("IPY_MODEL_" + view.layout().id(), state.json().get("layout").getAsString());
        VBox box = VBox.of(view);
        assertEquals("[\"IPY_MODEL_" + view.id() + "\"]", WidgetState.of(box.state()).json().get("children").toString());
    }
}
