package creativeai.sequence;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

import java.util.Iterator;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TokenWindowsTest {
    @Test
    void labelsAreTheInputsShiftedByOneToken() {
        int[] tokens = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0};
        TokenWindows windows = new TokenWindows(tokens, 5, 5);
        assertEquals(2, windows.windows());
        DataSet first = windows.inOrder(8).next();
        assertArrayEquals(new long[] {2, 5, 5}, first.getFeatures().shape());
        for (int t = 0; t < 5; t++) {
            assertEquals(1.0, first.getFeatures().getDouble(0, tokens[t], t));
            assertEquals(1.0, first.getLabels().getDouble(0, tokens[t + 1], t));
        }
        assertEquals(10.0, first.getFeatures().sumNumber().doubleValue()); // one-hot: one 1 per step
    }

    @Test
    void anEpochCoversEveryWindowOnceInBatches() {
        TokenWindows windows = new TokenWindows(new int[1001], 3, 10);
        int seen = 0;
        for (Iterator<DataSet> it = windows.epoch(32, new Random(1)); it.hasNext(); ) seen += (int) it.next().getFeatures().size(0);
        assertEquals(100, seen);
        assertEquals(4, windows.batches(32));
    }

    @Test
    void aTinyCorpusOrAForeignTokenIsAClearError() {
        var tiny = assertThrows(IllegalArgumentException.class, () -> new TokenWindows(new int[] {1, 2}, 3, 10));
        assertEquals(true, tiny.getMessage().contains("too few"));
        assertThrows(IllegalArgumentException.class, () -> new TokenWindows(new int[] {0, 1, 7, 1}, 3, 2));
    }
}
