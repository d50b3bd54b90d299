package creativeai.training;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingLoopTest {
    /** Records what the loop told it, as "event round.step". */
    private static final class Log implements TrainingListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void started(TrainingRun run) {
            events.add("started " + run.rounds());
        }

        @Override
        public void stepped(TrainingRun run, double[] losses) {
            events.add("step " + run.rounds() + "." + run.step() + "=" + losses[0]);
        }

        @Override
        public void roundEnded(TrainingRun run) {
            events.add("round " + run.rounds() + " at " + run.position());
        }

        @Override
        public void finished(TrainingRun run) {
            events.add("finished " + run.rounds());
        }
    }

    @Test
    void roundsOfStepsReachEveryListenerInOrder() {
        Log log = new Log();
        TrainingRun run = TrainingLoop.of("toy", 2, (round, step) -> new double[] {10 * round + step}, "loss")
                .budget(Budget.rounds(2)).listen(log).run();
        assertEquals(List.of("started 0", "step 0.1=0.0", "step 0.2=1.0", "round 1 at 1.0",
                "step 1.1=10.0", "step 1.2=11.0", "round 2 at 2.0", "finished 2"), log.events);
        assertEquals(2, run.rounds());
    }

    @Test
    void aResumedRunTrainsOnlyTheRoundsItLacks() {
        Log log = new Log();
        TrainingLoop.of("toy", 1, (round, step) -> new double[] {round}, "loss").budget(Budget.rounds(3)).resume(2, 5).listen(log).run();
        assertEquals(List.of("started 2", "step 2.1=2.0", "round 3 at 3.0", "finished 3"), log.events);
    }

    @Test
    void aTimeBudgetEndsTheRoundItRunsOutInAndThatRoundCounts() {
        Log log = new Log();
        TrainingRun run = TrainingLoop.of("slow", 1_000, (round, step) -> {
            sleep(20);
            return new double[] {1};
        }, "loss").budget(Budget.seconds(0.1)).listen(log).run();
        assertEquals(1, run.rounds());
        assertTrue(run.step() >= 4 && run.step() < 20, "steps in the budget: " + run.step());
        assertTrue(run.position() < 1, "the round ended early: " + run.position());
        assertTrue(run.seconds() >= 0.1, "seconds " + run.seconds());
    }

    @Test
    void aListenerCanStopTheRun() {
        TrainingRun run = TrainingLoop.of("toy", 10, (round, step) -> new double[] {1}, "loss").budget(Budget.rounds(5))
                .listen(new TrainingListener() {
                    @Override
                    public void stepped(TrainingRun run, double[] losses) {
                        if (run.step() == 3) run.stop("good enough");
                    }
                }).run();
        assertEquals(1, run.rounds());
        assertEquals(3, run.step());
        assertEquals("good enough", run.stopReason().orElseThrow());
    }

    @Test
    void aLossThatBecomesNanStopsWithAdviceAndTheLastCheckpoint(@TempDir Path dir) {
        Path file = dir.resolve("toy.zip");
        java.util.List<Integer> savedRounds = new java.util.ArrayList<>();
        var e = assertThrows(IllegalStateException.class, () -> TrainingLoop.of("toy", 2,
                        (round, step) -> new double[] {1, round == 1 && step == 1 ? Double.NaN : 1}, "discriminator", "generator")
                .budget(Budget.rounds(3)).listen(CheckpointListener.to(file, (to, run) -> {
                    savedRounds.add(run.rounds());
                    return java.nio.file.Files.writeString(to, "round " + run.rounds());
                })).run());
        assertTrue(e.getMessage().contains("generator loss became NaN in round 2, step 2"), e.getMessage());
        assertTrue(e.getMessage().contains("learning rate") && e.getMessage().contains(file.toString()), e.getMessage());
        assertEquals(java.util.List.of(1), savedRounds, "saved after the one good round, not after the broken one");
    }

    @Test
    void aResumedRunNamesItsCheckpointBeforeItsFirstRoundAndAFailedSaveSaysWhere(@TempDir Path dir) throws java.io.IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("toy.zip"), "round 2");
        var nan = assertThrows(IllegalStateException.class, () -> TrainingLoop.of("toy", 1, (round, step) -> new double[] {Double.NaN}, "loss")
                .budget(Budget.rounds(4)).resume(2, 1.0).listen(CheckpointListener.to(file, (to, run) -> to)).run());
        assertTrue(nan.getMessage().contains(file.toString()), "the earlier run's checkpoint is named: " + nan.getMessage());
        var unsaved = assertThrows(java.io.UncheckedIOException.class, () -> TrainingLoop.of("toy", 1, (round, step) -> new double[] {1}, "loss")
                .budget(Budget.rounds(1)).listen(CheckpointListener.to(file, (to, run) -> { throw new java.io.IOException("disk full"); })).run());
        assertTrue(unsaved.getMessage().contains("could not save round 1") && unsaved.getMessage().contains("disk full"), unsaved.getMessage());
    }

    @Test
    void aBudgetSaysWhatIsWrongWithIt() {
        assertThrows(IllegalArgumentException.class, () -> Budget.rounds(0));
        assertThrows(IllegalArgumentException.class, () -> Budget.seconds(-1));
        assertThrows(IllegalArgumentException.class, () -> Budget.rounds(2).orSeconds(Double.NaN));
        var missing = assertThrows(IllegalStateException.class, () -> TrainingLoop.of("toy", 1, (r, s) -> new double[] {1}, "loss").run());
        assertTrue(missing.getMessage().contains("how long"), missing.getMessage());
        assertTrue(Budget.rounds(2).orSeconds(60).allows(1, 59) && !Budget.rounds(2).orSeconds(60).allows(1, 60) && !Budget.rounds(2).allows(2, 0));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
