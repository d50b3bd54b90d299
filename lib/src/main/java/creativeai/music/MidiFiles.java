package creativeai.music;

import creativeai.data.AtomicFiles;

import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Standard MIDI files in and out, with the JDK's javax.sound.midi. Reading keeps one melody: the non-drum
 * channel with the most notes, and where notes sound together, the highest (the "skyline"); tempo, metre,
 * key and title come from the file's meta events. Writing makes a one-track file a synthesizer or score
 * editor opens.
 */
public final class MidiFiles {
    /** Ticks per quarter note in the files we write. */
    public static final int RESOLUTION = 480;
    private static final int DRUM_CHANNEL = 9;
    private static final double GRID = 1.0 / 24; // read timings are rounded to 1/24 of a quarter

    private MidiFiles() {
    }

    /** The melody of a standard MIDI file; a file with no melodic notes (or none at all) is a clear error. */
    public static Tune read(Path file) throws IOException {
        Sequence sequence;
        try (InputStream in = Files.newInputStream(file)) {
            sequence = MidiSystem.getSequence(new java.io.BufferedInputStream(in));
        } catch (InvalidMidiDataException | java.io.EOFException | RuntimeException e) { // the JDK's reader fails in all three ways
            throw new IOException(file + " is not a standard MIDI file (" + e + "). Export it as .mid (type 0 or 1) and try again.", e);
        }
        try {
            return melody(sequence, file.getFileName().toString().replaceFirst("\\.midi?$", ""));
        } catch (IOException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** The melody of a sequence (see {@link #read}); {@code fallbackTitle} is used when the file names none. */
    public static Tune melody(Sequence sequence, String fallbackTitle) throws IOException {
        if (sequence.getDivisionType() != Sequence.PPQ) {
            throw new IOException("the MIDI file counts time in SMPTE frames, not beats; only beat-based (PPQ) files are supported");
        }
        Meta meta = new Meta(fallbackTitle);
        Map<Integer, List<Sounding>> byChannel = new HashMap<>();
        int drumNotes = 0;
        for (Track track : sequence.getTracks()) {
            Map<Integer, Long> open = new HashMap<>(); // channel * 128 + pitch -> start tick
            for (int i = 0; i < track.size(); i++) {
                MidiEvent event = track.get(i);
                MidiMessage message = event.getMessage();
                if (message instanceof MetaMessage m) meta.read(m, event.getTick());
                if (!(message instanceof ShortMessage s)) continue;
                boolean on = s.getCommand() == ShortMessage.NOTE_ON && s.getData2() > 0;
                boolean off = s.getCommand() == ShortMessage.NOTE_OFF || (s.getCommand() == ShortMessage.NOTE_ON && s.getData2() == 0);
                int id = s.getChannel() * 128 + s.getData1();
                if (on) {
                    open.putIfAbsent(id, event.getTick());
                } else if (off && open.containsKey(id)) {
                    long start = open.remove(id);
                    if (s.getChannel() == DRUM_CHANNEL) drumNotes++;
                    else byChannel.computeIfAbsent(s.getChannel(), c -> new ArrayList<>()).add(new Sounding(start, event.getTick(), s.getData1()));
                }
            }
        }
        List<Sounding> busiest = byChannel.values().stream().max(Comparator.comparingInt(List::size)).orElse(List.of());
        if (busiest.isEmpty()) {
            throw new IOException("the MIDI file has no melodic track: " + (drumNotes > 0
                    ? "its " + drumNotes + " notes are all drums (channel 10)" : "it holds no notes at all") + ". Choose a file with a tune in it.");
        }
        return new Tune(0, meta.title, meta.key, meta.meter, meta.tempo, skyline(busiest, sequence.getResolution()));
    }

    private record Sounding(long start, long end, int pitch) {
    }

    /** One note at a time: the highest of notes starting together, each cut where the next begins; gaps become rests. */
    private static List<Note> skyline(List<Sounding> notes, int resolution) {
        List<Sounding> sorted = new ArrayList<>(notes);
        sorted.sort(Comparator.comparingLong(Sounding::start).thenComparing(Comparator.comparingInt(Sounding::pitch).reversed()));
        List<Note> melody = new ArrayList<>();
        double time = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Sounding note = sorted.get(i);
            double start = grid(note.start() / (double) resolution);
            if (start < time) continue; // a lower note of a chord, or one starting under a sounding note
            long nextStart = Long.MAX_VALUE;
            for (int j = i + 1; j < sorted.size() && nextStart == Long.MAX_VALUE; j++) {
                if (sorted.get(j).start() > note.start()) nextStart = sorted.get(j).start();
            }
            double end = grid(Math.min(note.end(), nextStart) / (double) resolution);
            if (end <= start) continue;
            if (start > time) melody.add(Note.rest(start - time));
            melody.add(new Note(note.pitch(), end - start));
            time = end;
        }
        return melody;
    }

    private static double grid(double quarters) {
        return Math.round(quarters / GRID) * GRID;
    }

    /** Tempo, metre, key and title as the file's first meta events give them. */
    private static final class Meta {
        String title;
        int tempo = Tune.DEFAULT_TEMPO;
        String meter = "4/4";
        Key key = Key.parse("C");
        private boolean titled;

        Meta(String fallbackTitle) {
            title = fallbackTitle;
        }

        void read(MetaMessage m, long tick) throws IOException {
            byte[] d = m.getData();
            switch (m.getType()) {
                case 0x03 -> {
                    if (!titled && d.length > 0) title = new String(d, java.nio.charset.StandardCharsets.ISO_8859_1).strip();
                    titled = true;
                }
                case 0x51 -> {
                    need(d, 3, "tempo", tick);
                    int micros = ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff);
                    if (micros == 0) throw new IOException("the tempo event at tick " + tick + " sets 0 microseconds a quarter note: no tempo");
                    tempo = Math.max(1, (int) Math.round(60_000_000.0 / micros));
                }
                case 0x58 -> {
                    need(d, 2, "time signature", tick);
                    if (d[0] == 0 || (d[1] & 0xff) > 6) {
                        throw new IOException("the time signature event at tick " + tick + " says " + (d[0] & 0xff) + " beats of a 1/2^" + (d[1] & 0xff)
                                + " note: the beats must be 1 or more and the note at most a 64th");
                    }
                    meter = (d[0] & 0xff) + "/" + (1 << (d[1] & 0xff));
                }
                case 0x59 -> {
                    need(d, 2, "key signature", tick);
                    key = Key.fromSignature(Math.max(-7, Math.min(7, d[0])), d[1] == 1);
                }
                default -> { }
            }
        }

        private static void need(byte[] data, int bytes, String what, long tick) throws IOException {
            if (data.length < bytes) throw new IOException("the " + what + " event at tick " + tick + " has " + data.length + " bytes of data, not " + bytes);
        }
    }

    /** A one-track sequence of the tune: tempo, metre, key, the instrument (a General MIDI program, 0 = piano) and the notes. */
    public static Sequence sequence(Tune tune, int program) {
        try {
            Sequence sequence = new Sequence(Sequence.PPQ, RESOLUTION);
            Track track = sequence.createTrack();
            byte[] name = tune.title().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            track.add(new MidiEvent(new MetaMessage(0x03, name, name.length), 0));
            int microsPerQuarter = 60_000_000 / tune.tempo();
            track.add(new MidiEvent(new MetaMessage(0x51, new byte[] {(byte) (microsPerQuarter >> 16), (byte) (microsPerQuarter >> 8), (byte) microsPerQuarter}, 3), 0));
            String[] meter = tune.meter().split("/");
            track.add(new MidiEvent(new MetaMessage(0x58, new byte[] {(byte) Integer.parseInt(meter[0]),
                    (byte) Integer.numberOfTrailingZeros(Integer.parseInt(meter[1])), 24, 8}, 4), 0));
            track.add(new MidiEvent(new MetaMessage(0x59, new byte[] {(byte) Math.max(-7, Math.min(7, tune.key().sharps())),
                    (byte) (tune.key().isMinor() ? 1 : 0)}, 2), 0));
            track.add(new MidiEvent(new ShortMessage(ShortMessage.PROGRAM_CHANGE, 0, program, 0), 0));
            double time = 0;
            for (Note note : tune.notes()) {
                if (!note.isRest()) {
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_ON, 0, note.pitch(), 90), ticks(time)));
                    track.add(new MidiEvent(new ShortMessage(ShortMessage.NOTE_OFF, 0, note.pitch(), 0), ticks(time + note.quarters())));
                }
                time += note.quarters();
            }
            return sequence;
        } catch (InvalidMidiDataException e) {
            throw new IllegalArgumentException("cannot make MIDI of " + tune.title() + ": " + e.getMessage(), e);
        }
    }

    /** Writes the tune as a standard MIDI file (type 0), atomically: a reader never sees half a file. */
    public static Path write(Tune tune, Path file) throws IOException {
        return AtomicFiles.write(file, partial -> MidiSystem.write(sequence(tune, 0), 0, partial.toFile()));
    }

    /** The tune as the bytes of a standard MIDI file, e.g. for a download link. */
    public static byte[] bytes(Tune tune) {
        var out = new java.io.ByteArrayOutputStream();
        try {
            MidiSystem.write(sequence(tune, 0), 0, out);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static long ticks(double quarters) {
        return Math.round(quarters * RESOLUTION);
    }
}
