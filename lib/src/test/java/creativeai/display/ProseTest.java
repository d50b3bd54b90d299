package creativeai.display;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProseTest {
    @Test
    void aLongSentenceBreaksAtSpacesNeverInsideANumber() {
        String sentence = "latent diffusion at a Fréchet distance of 14.2 (the VAE's own samples 158.4, real digits 5.1, "
                + "an untrained denoiser 189.5); DDIM in 20 steps: 150.2 against DDPM's 163.2 in 200.";
        List<String> lines = Prose.lines(sentence);
        assertTrue(lines.size() == 2 && lines.stream().allMatch(line -> line.length() <= Prose.WIDTH), lines.toString());
        assertEquals(sentence, String.join(" ", lines));
        assertTrue(lines.get(0).endsWith("5.1, an"), lines.get(0));
    }

    @Test
    void shortLinesAndTheTextsOwnBreaksStayAsTheyAre() {
        assertEquals(List.of("one line", "", "another"), Prose.lines("one line\n\nanother\n"));
        assertEquals(List.of("  rule      weight", "  in key       1.0"), Prose.lines("  rule      weight\n  in key       1.0"));
    }

    @Test
    void aWordLongerThanALineStaysWholeOnALineOfItsOwn() {
        String path = "/home/student/creative-ai-java/" + "x".repeat(100) + ".zip";
        assertEquals(List.of("loaded from", path, "in 2 s"), Prose.lines("loaded from " + path + " in 2 s"));
    }
}
