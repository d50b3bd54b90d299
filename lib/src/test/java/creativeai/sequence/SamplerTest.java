package creativeai.sequence;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {
    private final Sampler sampler = new Sampler(TokenLstm.network(4, TokenLstm.options().hidden(8).layers(1).tbptt(10).learningRate(1e-3).seed(1)), 4);

    @Test
    void badTemperaturePromptAndTopKAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> sampler.temperature(0, 0));
        assertThrows(IllegalArgumentException.class, () -> sampler.temperature(-1, 0));
        assertThrows(IllegalArgumentException.class, () -> sampler.temperature(Double.NaN, 0));
        assertThrows(IllegalArgumentException.class, () -> sampler.temperature(1, -1));
        assertThrows(IllegalArgumentException.class, () -> sampler.continueFrom(new int[0], 5, new Random()));
        assertThrows(IllegalArgumentException.class, () -> sampler.continueFrom(new int[] {9}, 5, new Random()));
    }

    @Test
    void topOneAlwaysTakesTheLikeliestToken() {
        sampler.temperature(1, 1);
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) assertEquals(2, sampler.draw(new double[] {0.1, 0.2, 0.6, 0.1}, List.of(), random));
    }

    @Test
    void lowTemperatureSharpensAndTheFilterIsObeyed() {
        Random random = new Random(5);
        double[] p = {0.3, 0.2, 0.4, 0.1};
        int cold = 0, asLearned = 0;
        for (int i = 0; i < 400; i++) {
            if (sampler.temperature(0.1, 0).draw(p, List.of(), random) == 2) cold++;
            if (sampler.temperature(1, 0).draw(p, List.of(), random) == 2) asLearned++;
        }
        // p^(1/T) normalised: 94% at T = 0.1, 40% at T = 1
        assertTrue(cold > 350 && asLearned > 120 && asLearned < 200, "cold " + cold + ", as learned " + asLearned);
        sampler.temperature(1, 0).filter((history, token) -> token % 2 == 1);
        for (int t : sampler.continueFrom(new int[] {0}, 50, random)) assertEquals(1, t % 2);
        sampler.filter((history, token) -> false);
        assertThrows(IllegalStateException.class, () -> sampler.continueFrom(new int[] {0}, 1, random));
    }

    @Test
    void aRuleWrittenElsewhereRunsAtEveryStepAndMayNotPickAForbiddenToken() {
        sampler.filter((history, token) -> token != 3).rule((p, random) -> 2);
        for (int t : sampler.continueFrom(new int[] {0}, 10, new Random(1))) assertEquals(2, t);
        sampler.rule((p, random) -> 3);
        var error = assertThrows(IllegalStateException.class, () -> sampler.continueFrom(new int[] {0}, 1, new Random(1)));
        assertTrue(error.getMessage().contains("probability 0"), error.getMessage());
        double[] p = sampler.nextProbabilities(new int[] {0, 1});
        assertEquals(1.0, java.util.Arrays.stream(p).sum(), 1e-5);
    }

    @Test
    void writingLeavesNd4jsOneDnnSwitchAsItFoundIt() { // the LSTM's reader turns it off for each token, then back
        var environment = Nd4j.getEnvironment();
        boolean before = environment.helpersAllowed();
        try {
            for (boolean allowed : new boolean[] {false, true}) {
                environment.allowHelpers(allowed);
                sampler.temperature(1, 0).continueFrom(new int[] {0}, 5, new Random(2));
                assertEquals(allowed, environment.helpersAllowed());
            }
        } finally {
            environment.allowHelpers(before);
        }
    }
}
