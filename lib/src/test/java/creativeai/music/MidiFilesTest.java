package creativeai.music;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MidiFilesTest {
    private static final Tune TUNE = AbcParser.parseAll("""
            X:7
            T:Round trip
            M:6/8
            L:1/8
            Q:3/8=100
            K:D
            A|dfa gfe|d2z f3|(3ABc d4|]
            """).get(0);

    @Test
    void aWrittenTuneReadsBackWithItsNotesTempoMetreAndKey(@TempDir Path dir) throws IOException {
        Path file = MidiFiles.write(TUNE, dir.resolve("tune.mid"));
        Tune back = MidiFiles.read(file);
        assertEquals("Round trip", back.title());
        assertEquals("6/8", back.meter());
        assertEquals(150, back.tempo()); // 100 dotted quarters a minute
        assertEquals("D", back.key().abcName());
        assertEquals(TUNE.notes().size(), back.notes().size());
        for (int i = 0; i < TUNE.notes().size(); i++) {
            assertEquals(TUNE.notes().get(i).pitch(), back.notes().get(i).pitch());
            assertEquals(TUNE.notes().get(i).quarters(), back.notes().get(i).quarters(), 1.0 / 24);
        }
        assertEquals(List.of(dir.resolve("tune.mid")), Files.list(dir).toList(), "no partial file is left behind");
    }

    @Test
    void chordsKeepTheirTopNoteAndTheDrumsAreIgnored(@TempDir Path dir) throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 96);
        Track track = sequence.createTrack();
        note(track, 0, 60, 0, 96);  // C and E together: E is the melody
        note(track, 0, 64, 0, 96);
        note(track, 0, 67, 192, 96); // a rest of a quarter, then G
        for (int beat = 0; beat < 8; beat++) note(track, 9, 36, beat * 48, 24);
        Path file = dir.resolve("chords.mid");
        MidiSystem.write(sequence, 0, file.toFile());
        assertEquals(List.of(new Note(64, 1), Note.rest(1), new Note(67, 1)), MidiFiles.read(file).notes());
    }

    @Test
    void aFileOfDrumsAloneHasNoMelody(@TempDir Path dir) throws Exception {
        Sequence sequence = new Sequence(Sequence.PPQ, 96);
        note(sequence.createTrack(), 9, 36, 0, 48);
        Path file = dir.resolve("drums.mid");
        MidiSystem.write(sequence, 0, file.toFile());
        IOException e = assertThrows(IOException.class, () -> MidiFiles.read(file));
        assertTrue(e.getMessage().contains("no melodic track") && e.getMessage().contains("drums"), e.getMessage());
    }

    @Test
    void aFileThatIsNotMidiSaysSo(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("song.mid"), "RIFF....WAVEfmt this is not MIDI");
        IOException e = assertThrows(IOException.class, () -> MidiFiles.read(file));
        assertTrue(e.getMessage().contains("not a standard MIDI file"), e.getMessage());
    }

    private static void note(Track track, int channel, int pitch, long start, long length) throws Exception {
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, channel, pitch, 80), start));
        track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, channel, pitch, 0), start + length));
    }
}
