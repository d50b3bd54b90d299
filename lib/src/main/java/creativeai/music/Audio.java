package creativeai.music;

import org.dflib.jjava.jupyter.kernel.display.DisplayDataRenderable;
import org.dflib.jjava.jupyter.kernel.display.RenderContext;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;

/**
 * Mono sound as 16-bit WAV: shown in a notebook as an {@code <audio>} player (the WAV travels inside the
 * page, so it plays offline and in exported HTML), as a one-line description elsewhere; can be saved to a file.
 */
public final class Audio implements DisplayDataRenderable {
    private final float[] samples;
    private final int sampleRate;

    private Audio(float[] samples, int sampleRate) {
        if (sampleRate <= 0) throw new IllegalArgumentException("sample rate must be positive, not " + sampleRate);
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    /** Sound from samples in [-1, 1] (louder values are clipped). */
    public static Audio of(float[] samples, int sampleRate) {
        return new Audio(samples.clone(), sampleRate);
    }

    /** Reads a WAV file (any PCM format Java Sound can convert to 16-bit mono). */
    public static Audio read(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            return from(in);
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a WAV file Java Sound can read: " + e.getMessage(), e);
        }
    }

    /** Reads a whole PCM stream (e.g. a synthesizer's output) as mono sound. */
    public static Audio from(AudioInputStream in) throws IOException {
        AudioFormat source = in.getFormat();
        AudioFormat pcm = new AudioFormat(source.getSampleRate(), 16, source.getChannels(), true, false);
        byte[] bytes = AudioSystem.getAudioInputStream(pcm, in).readAllBytes();
        int channels = source.getChannels();
        float[] samples = new float[bytes.length / 2 / channels];
        for (int i = 0; i < samples.length; i++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = 2 * (i * channels + c);
                sum += (short) ((bytes[at] & 0xff) | (bytes[at + 1] << 8)) / 32768f;
            }
            samples[i] = sum / channels;
        }
        return new Audio(samples, (int) source.getSampleRate());
    }

    public double seconds() {
        return samples.length / (double) sampleRate;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Root-mean-square level in [0, 1]: zero means silence. */
    public double rms() {
        double sum = 0;
        for (float s : samples) sum += s * s;
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }

    /** The sound as a complete WAV file. */
    public byte[] wav() {
        byte[] pcm = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            int v = Math.round(Math.max(-1f, Math.min(1f, samples[i])) * 32767);
            pcm[2 * i] = (byte) v;
            pcm[2 * i + 1] = (byte) (v >> 8);
        }
        AudioFormat format = new AudioFormat(sampleRate, 16, 1, true, false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(pcm.length + 44);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm), format, samples.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Saves the sound as a WAV file, atomically (to give it a provenance record, use {@code Provenance.save}). */
    public Path save(Path file) throws IOException {
        return creativeai.data.AtomicFiles.write(file, partial -> Files.write(partial, wav()));
    }

    @Override
    public Set<MIMEType> getSupportedRenderTypes() {
        return Set.of(MIMEType.TEXT_HTML, MIMEType.TEXT_PLAIN);
    }

    @Override
    public void render(RenderContext context) {
        context.renderIfRequested(MIMEType.TEXT_HTML, () -> "<audio controls preload=\"auto\" src=\"data:audio/wav;base64,"
                + Base64.getEncoder().encodeToString(wav()) + "\"></audio>");
        context.renderIfRequested(MIMEType.TEXT_PLAIN, this::toString);
    }

    @Override
    public String toString() {
        return String.format("audio: %.2f s, %d Hz mono", seconds(), sampleRate);
    }
}
