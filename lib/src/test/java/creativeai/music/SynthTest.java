package creativeai.music;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SynthTest {
    @Test
    void aTuneSoundsForItsLengthPlusTheRelease() {
        Tune scale = AbcParser.parseAll("X:1\nT:scale\nM:4/4\nL:1/4\nQ:1/4=120\nK:C\nCDEF|GABc|\n").get(0);
        Audio audio = Synth.render(scale, Synth.FLUTE);
        assertEquals(4.0 + 1.0, audio.seconds(), 0.01); // 8 quarters at 120 a minute, then a second of release
        assertTrue(audio.rms() > 0.01, "rms " + audio.rms());
    }

    @Test
    void restsAreSilent() {
        Tune rests = AbcParser.parseAll("X:1\nT:rests\nM:4/4\nL:1/4\nK:C\nzzzz|\n").get(0);
        assertTrue(Synth.render(rests).rms() < 1e-4);
    }

    @Test
    void anInstrumentOutsideGeneralMidiIsAnError() {
        Tune tune = AbcParser.parseAll("X:1\nT:t\nK:C\nC\n").get(0);
        assertThrows(IllegalArgumentException.class, () -> Synth.render(tune, 128));
    }
}
