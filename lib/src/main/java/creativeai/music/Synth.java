package creativeai.music;


import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.MidiUnavailableException;
import javax.sound.midi.Receiver;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Soundbank;
import javax.sound.midi.Synthesizer;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a tune into sound with the JDK's software synthesizer (Gervill) and the course's General MIDI
 * soundfont, faster than real time and without a sound card: the result is an {@link Audio} that plays in
 * the notebook. Gervill's offline rendering ({@code AudioSynthesizer.openStream}) is not exported by the
 * JDK, so the JVM needs {@code --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED} (the course kernel
 * and build pass it).
 */
public final class Synth {
    public static final int SAMPLE_RATE = 22_050;
    /** General MIDI programs the chapters use. */
    public static final int PIANO = 0, VIOLIN = 40, FLUTE = 73;
    private static final double RELEASE_SECONDS = 1.0;
    private static volatile Soundbank soundbank;

    private Synth() {
    }

    /** The tune played on the piano. */
    public static Audio render(Tune tune) {
        return render(tune, PIANO);
    }

    /** The tune played by a General MIDI instrument (0–127, e.g. {@link #FLUTE}). */
    public static Audio render(Tune tune, int program) {
        if (program < 0 || program > 127) throw new IllegalArgumentException("a General MIDI program is 0–127, not " + program);
        AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
        Synthesizer synth = null;
        try {
            synth = MidiSystem.getSynthesizer();
            AudioInputStream stream = openStream(synth, format);
            Soundbank bank = soundbank();
            synth.unloadAllInstruments(synth.getDefaultSoundbank());
            synth.loadAllInstruments(bank);
            Receiver receiver = synth.getReceiver();
            receiver.send(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), 0);
            double microsPerQuarter = 60_000_000.0 / tune.tempo();
            double time = 0;
            for (Note note : tune.notes()) {
                if (!note.isRest()) {
                    receiver.send(new ShortMessage(ShortMessage.NOTE_ON, 0, note.pitch(), 90), Math.round(time * microsPerQuarter));
                    receiver.send(new ShortMessage(ShortMessage.NOTE_OFF, 0, note.pitch(), 0), Math.round((time + note.quarters()) * microsPerQuarter));
                }
                time += note.quarters();
            }
            long frames = Math.round((tune.seconds() + RELEASE_SECONDS) * SAMPLE_RATE);
            return Audio.from(new AudioInputStream(stream, format, frames));
        } catch (MidiUnavailableException | InvalidMidiDataException e) {
            throw new IllegalStateException("Java's software synthesizer is not available: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (synth != null) synth.close();
        }
    }

    private static AudioInputStream openStream(Synthesizer synth, AudioFormat format) throws MidiUnavailableException {
        try {
            Class<?> offline = Class.forName("com.sun.media.sound.AudioSynthesizer");
            return (AudioInputStream) offline.getMethod("openStream", AudioFormat.class, Map.class).invoke(synth, format, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("rendering audio needs the JVM option --add-exports java.desktop/com.sun.media.sound=ALL-UNNAMED "
                    + "(the course kernel sets it; add it to your own java command)", e);
        } catch (ClassNotFoundException | NoSuchMethodException | ClassCastException e) {
            throw new IllegalStateException("this JDK's synthesizer cannot render offline (no Gervill AudioSynthesizer)", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof MidiUnavailableException m) throw m;
            throw new IllegalStateException("the synthesizer failed to open: " + e.getCause(), e.getCause());
        }
    }

    private static Soundbank soundbank() throws IOException, InvalidMidiDataException {
        Soundbank bank = soundbank;
        if (bank == null) {
            Path file = Melodies.soundFont();
            bank = MidiSystem.getSoundbank(file.toFile());
            soundbank = bank;
        }
        return bank;
    }
}
