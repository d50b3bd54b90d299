package creativeai.training;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightAverageTest {
    @Test
    void averagesEveryStepWithTheWarmedUpDecayAndSwapsTheWeights() {
        SameDiff net = SameDiff.create();
        var w = net.var("w", Nd4j.zeros(DataType.DOUBLE, 1, 2));
        var average = WeightAverage.of(net, 0.5);
        double expected = 0;
        for (int step = 0; step < 20; step++) {
            w.getArr().assign(step + 1);                       // what a training step would have written
            double d = average.decayAfter(step);
            expected = d * expected + (1 - d) * (step + 1);
            average.stepped(null, new double[] {0});
        }
        assertEquals(0.5, average.decayAfter(19), 1e-12, "the warm-up's (1 + n) / (10 + n) has passed 0.5 by then");
        assertEquals(0.1, average.decayAfter(0), 1e-12);
        average.finished(null);
        assertEquals(expected, w.getArr().getDouble(0, 1), 1e-9);
        assertTrue(expected < 20 && expected > 17, "behind the last step's 20: " + expected);
        average.useLastStep();
        assertEquals(20, w.getArr().getDouble(0, 0), 1e-12);
        average.useAverage();
        assertEquals(expected, w.getArr().getDouble(0, 0), 1e-9);
        average.started(null);
        assertEquals(20, w.getArr().getDouble(0, 0), 1e-12, "a resumed run trains the last step's weights");
    }

    @Test
    void aDecayOutsideZeroToOneIsRefused() {
        SameDiff net = SameDiff.create();
        net.var("w", Nd4j.zeros(DataType.FLOAT, 2));
        for (double bad : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
            var e = assertThrows(IllegalArgumentException.class, () -> WeightAverage.of(net, bad));
            assertTrue(e.getMessage().contains("between 0 and 1"), e.getMessage());
        }
    }
}
