package creativeai.music;

import java.util.List;

/**
 * A melody with what a musician needs to read it: its number and title in the collection, key (as written
 * in ABC, e.g. "Gm", "Ador"), tonic pitch class and mode, metre ("6/8"), tempo in quarter notes per minute,
 * and the notes in order.
 */
public record Tune(int number, String title, Key key, String meter, int tempo, List<Note> notes) {
    public static final int DEFAULT_TEMPO = 120;

    public Tune {
        if (tempo <= 0) throw new IllegalArgumentException("tempo must be positive, not " + tempo);
        if (!meter.matches("\\d+/\\d+")) throw new IllegalArgumentException("metre must look like 6/8, not '" + meter + "'");
        notes = List.copyOf(notes);
    }

    /** A tune with the given notes and everything else from this one (for continuations and excerpts). */
    public Tune withNotes(String newTitle, List<Note> newNotes) {
        return new Tune(number, newTitle, key, meter, tempo, newNotes);
    }

    /** Length of a bar in quarter notes: 3 for 3/4, 3 for 6/8, 2 for 2/2. */
    public double barQuarters() {
        String[] parts = meter.split("/");
        return Integer.parseInt(parts[0]) * 4.0 / Integer.parseInt(parts[1]);
    }

    /** Playing time at the tune's tempo. */
    public double seconds() {
        return quarters() * 60.0 / tempo;
    }

    public double quarters() {
        return notes.stream().mapToDouble(Note::quarters).sum();
    }

    /** The melody moved by some semitones (rests stay rests), e.g. to bring every tune to C. */
    public Tune transpose(int semitones) {
        return new Tune(number, title, key.transpose(semitones), meter, tempo, notes.stream().map(n -> n.transpose(semitones)).toList());
    }

    /** The same tune moved to the nearest key with tonic C (major modes) or A (minor modes). */
    public Tune toCommonKey() {
        return transpose(commonKeyShift());
    }

    /** Semitones {@link #toCommonKey} moves the tune by (−6 to +5). */
    public int commonKeyShift() {
        int target = key.isMinor() ? 9 : 0;
        return Math.floorMod(target - key.tonic() + 6, 12) - 6;
    }

    /** A few bars of ABC as a tune, e.g. {@code Tune.abc("G", "6/8", "GAB d2B")} (eighth notes as the unit). */
    public static Tune abc(String key, String meter, String body) {
        return AbcParser.parseAll("X:0\nT:prompt\nM:" + meter + "\nL:1/8\nK:" + key + "\n" + body + "\n").get(0);
    }
}
