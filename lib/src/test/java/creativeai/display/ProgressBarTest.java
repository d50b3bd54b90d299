package creativeai.display;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    private final AtomicLong now = new AtomicLong();

    private void advanceSeconds(double seconds) {
        now.addAndGet((long) (seconds * 1e9));
    }

    @Test
    void estimatesTimeLeftFromThePaceSoFar() {
        ProgressBar bar = new ProgressBar("training", 10, now::get);
        assertTrue(Double.isNaN(bar.etaSeconds()));
        advanceSeconds(4);
        bar.advanceTo(2);
        assertEquals(16.0, bar.etaSeconds(), 1e-9);
        assertEquals(4.0, bar.elapsedSeconds(), 1e-9);
    }

    @Test
    void textShowsBarCountMetricsAndTimeLeft() {
        ProgressBar bar = new ProgressBar("epoch 1", 4, now::get);
        advanceSeconds(30);
        bar.step("loss", 0.5);
        String text = bar.view().text();
        assertTrue(text.startsWith("epoch 1 [" + "=".repeat(8) + " ".repeat(22) + "] 1/4"), text);
        assertTrue(text.contains("0:30 elapsed, 1:30 left, loss 0.5000"), text);
        assertTrue(bar.view().html().contains("<progress value=\"1\" max=\"4\""));
    }

    @Test
    void stepsStopAtTheTotal() {
        ProgressBar bar = new ProgressBar("x", 2, now::get);
        bar.advanceTo(5);
        assertEquals(2, bar.done());
        assertTrue(bar.view().text().contains("100%"));
    }

    @Test
    void aCompletedBarLooksFinishedWithNoTimeLeft() {
        ProgressBar bar = new ProgressBar("latent flow (6 s)", 6, now::get);
        advanceSeconds(5.2);
        bar.advanceTo(5);
        assertTrue(bar.view().text().contains("5/6  83%"), bar.view().text());
        bar.complete();
        String text = bar.view().text();
        assertTrue(text.contains("6/6 100% 0:05 elapsed") && !text.contains("left"), text);
    }

    @Test
    void rejectsAnEmptyLoop() {
        assertThrows(IllegalArgumentException.class, () -> ProgressBar.start("nothing", 0));
    }

    @Test
    void clockTimeHasHoursOnlyWhenNeeded() {
        assertEquals("1:05", ProgressBar.clockTime(65));
        assertEquals("1:01:01", ProgressBar.clockTime(3661));
    }
}
