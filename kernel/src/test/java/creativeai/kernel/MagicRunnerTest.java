package creativeai.kernel;

import org.dflib.jjava.jupyter.kernel.magic.registry.LineMagic;
import org.dflib.jjava.jupyter.kernel.magic.registry.Magics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MagicRunnerTest {
    /** Magics that record their calls; {@code %hang} waits on something that ignores interrupts, as a slow download does. */
    public static final class Recording {
        final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        MagicRunner runner;

        @LineMagic
        public void note(List<String> args) {
            calls.add(String.join("|", args));
        }

        @LineMagic
        public void hang(List<String> args) {
            long until = System.nanoTime() + 2_000_000_000L;
            while (System.nanoTime() < until) Thread.onSpinWait();
            calls.add("left behind: " + runner.leftBehind());
        }
    }

    private final Recording recording = new Recording();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final MagicRunner runner;

    MagicRunnerTest() {
        Magics magics = new Magics();
        magics.registerMagics(recording);
        runner = new MagicRunner(magics, stop::get);
        recording.runner = runner;
    }

    @Test
    void runsLineMagicsInOrderAndLeavesTheJavaWithItsLineNumbers() throws Exception {
        String java = runner.runLineMagics("%note a \"b c\"\nint x = 1;\n%note d\nx");
        assertEquals(List.of("a|b c", "d"), recording.calls);
        assertEquals("\nint x = 1;\n\nx", java);
    }

    @Test
    void aMagicInAnAssignmentBecomesACallToLineMagic() throws Exception {
        String java = runner.runLineMagics("List<String> jars = %jars lib/*.jar \"my dir/x.jar\"");
        assertEquals("List<String> jars = lineMagic(\"jars\", java.util.List.of(\"lib/*.jar\", \"my dir/x.jar\"));", java);
    }

    @Test
    void aStopEndsTheCellWhileAMagicStillRunsAndLeavesItBehind() throws Exception {
        new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
            }
            stop.set(true);
        }).start();
        long start = System.nanoTime();
        var e = assertThrows(CellInterruptedException.class, () -> runner.runLineMagics("%hang\nint after = 1;"));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(seconds < 2, seconds + " s");
        assertTrue(e.getMessage().contains("%hang"), e.getMessage());
        while (recording.calls.isEmpty()) Thread.sleep(50);
        assertEquals(List.of("left behind: true"), recording.calls, "what the magic adds after its cell ended is dropped");
    }

    @Test
    void wordsSplitAtSpacesExceptInQuotes() {
        assertEquals(List.of("maven", "a:b:1", "--from", "my repo"), MagicRunner.words("maven  a:b:1 --from \"my repo\""));
        assertEquals(List.of("x", ""), MagicRunner.words("x \"\""));
    }
}
