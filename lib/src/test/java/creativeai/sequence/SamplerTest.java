package creativeai.sequence;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {
    private final Sampler sampler = new Sampler(TokenLstm.network(4, 8, 1, 10, 1e-3, 1), 4);

    @Test
    void badTemperaturePromptAndTopKAreClearErrors() {
        assertThrows(IllegalArgumentException.class, () -> sampler.temperature(0));
        assertThrows(IllegalArgumentException.class, () -> sampler.temperature(-1));
        assertThrows(IllegalArgumentException.class, () -> sampler.temperature(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> sampler.topK(-1));
        assertThrows(IllegalArgumentException.class, () -> sampler.continueFrom(new int[0], 5, new Random()));
        assertThrows(IllegalArgumentException.class, () -> sampler.continueFrom(new int[] {9}, 5, new Random()));
    }

    @Test
    void topOneAlwaysTakesTheLikeliestToken() {
        sampler.topK(1);
        Random random = new Random(3);
        for (int i = 0; i < 20; i++) assertEquals(2, sampler.draw(new double[] {0.1, 0.2, 0.6, 0.1}, List.of(), random));
    }

    @Test
    void lowTemperatureSharpensAndTheFilterIsObeyed() {
        Random random = new Random(5);
        double[] p = {0.3, 0.2, 0.4, 0.1};
        int cold = 0, asLearned = 0;
        for (int i = 0; i < 400; i++) {
            if (sampler.temperature(0.1).draw(p, List.of(), random) == 2) cold++;
            if (sampler.temperature(1).draw(p, List.of(), random) == 2) asLearned++;
        }
        // p^(1/T) normalised: 94% at T = 0.1, 40% at T = 1
        assertTrue(cold > 350 && asLearned > 120 && asLearned < 200, "cold " + cold + ", as learned " + asLearned);
        sampler.temperature(1).filter((history, token) -> token % 2 == 1);
        for (int t : sampler.continueFrom(new int[] {0}, 50, random)) assertEquals(1, t % 2);
        sampler.filter((history, token) -> false);
        assertThrows(IllegalStateException.class, () -> sampler.continueFrom(new int[] {0}, 1, random));
    }
}
