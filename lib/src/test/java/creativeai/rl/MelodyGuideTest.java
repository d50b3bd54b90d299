package creativeai.rl;

import creativeai.music.Key;
import creativeai.music.MelodyEncoding;
import creativeai.sequence.TokenLstm;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MelodyGuideTest {
    @Test
    void givesADistributionOverTheTasksActionsForEveryMelody() {
        MelodyGuide guide = new MelodyGuide(TokenLstm.network(MelodyEncoding.vocabularySize(), TokenLstm.options().hidden(16).layers(1).tbptt(32).learningRate(1e-3).seed(1)));
        MelodyTask task = new MelodyTask(Key.parse("Am"), 1);
        guide.start(task, 3);
        for (int step = 0; step < task.steps(); step++) {
            double[][] p = guide.next(step);
            assertEquals(3, p.length);
            for (double[] row : p) {
                assertEquals(MelodyTask.actions(), row.length);
                assertEquals(1.0, java.util.Arrays.stream(row).sum(), 1e-6);
                assertTrue(java.util.Arrays.stream(row).allMatch(x -> x > 0));
            }
            guide.play(new int[] {MelodyTask.action(69), MelodyTask.HOLD, MelodyTask.REST});
        }
    }

    @Test
    void keysAndModelsItCannotReadAreClearErrors() {
        MelodyGuide guide = new MelodyGuide(TokenLstm.network(MelodyEncoding.vocabularySize(), TokenLstm.options().hidden(8).layers(1).tbptt(32).learningRate(1e-3).seed(1)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> guide.start(new MelodyTask(Key.parse("D"), 1), 2)).getMessage().contains("C major or A minor"));
        assertThrows(IllegalStateException.class, () -> new MelodyGuide(TokenLstm.network(MelodyEncoding.vocabularySize(), TokenLstm.options().hidden(8).layers(1).tbptt(32).learningRate(1e-3).seed(1))).next(0));
        assertThrows(IllegalArgumentException.class, () -> new MelodyGuide(TokenLstm.network(10, TokenLstm.options().hidden(8).layers(1).tbptt(32).learningRate(1e-3).seed(1))));
    }
}
