package creativeai.music;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioTest {
    private static float[] tone(int rate, double seconds, double hz, double amplitude) {
        float[] samples = new float[(int) (rate * seconds)];
        for (int i = 0; i < samples.length; i++) samples[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / rate));
        return samples;
    }

    @Test
    void wavRoundTripKeepsLengthAndLevel(@TempDir Path dir) throws IOException {
        Audio a440 = Audio.of(tone(8000, 1.5, 440, 0.5), 8000);
        Path file = dir.resolve("a440.wav");
        a440.save(file);
        assertEquals(44 + 2 * 12000, Files.size(file));
        Audio back = Audio.read(file);
        assertEquals(1.5, back.seconds(), 1e-9);
        assertEquals(0.5 / Math.sqrt(2), back.rms(), 1e-3);
    }

    @Test
    void silenceHasZeroLevel() {
        assertEquals(0.0, Audio.of(new float[800], 8000).rms());
    }

    @Test
    void playerEmbedsTheWav() throws Exception {
        Audio beep = Audio.of(tone(8000, 0.1, 880, 0.3), 8000);
        var shown = new org.dflib.jjava.jupyter.kernel.display.Renderer().render(beep);
        String html = (String) shown.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML);
        var embedded = java.util.regex.Pattern.compile("<audio controls[^>]* src=\"data:audio/wav;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
        assertTrue(embedded.find(), html.substring(0, Math.min(200, html.length())));
        byte[] wav = java.util.Base64.getDecoder().decode(embedded.group(1));
        Audio played = Audio.from(javax.sound.sampled.AudioSystem.getAudioInputStream(new java.io.ByteArrayInputStream(wav)));
        assertEquals(beep.seconds(), played.seconds(), 1e-9);
        assertEquals(beep.rms(), played.rms(), 1e-3);
        assertTrue(shown.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN).toString().contains("0.10 s, 8000 Hz"));
    }

    @Test
    void notAWavIsAClearError(@TempDir Path dir) throws IOException {
        Path bogus = Files.writeString(dir.resolve("song.wav"), "not audio");
        IOException e = assertThrows(IOException.class, () -> Audio.read(bogus));
        assertTrue(e.getMessage().contains("song.wav"));
    }
}
