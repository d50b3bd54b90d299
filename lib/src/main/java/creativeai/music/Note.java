package creativeai.music;

/**
 * One event of a melody: a pitch (a MIDI number, 60 = middle C) or a rest, and how long it lasts in quarter
 * notes (1 = a crotchet, 0.5 = a quaver).
 */
public record Note(int pitch, double quarters) {
    public static final int REST = -1;

    public Note {
        if (pitch != REST && (pitch < 0 || pitch > 127)) throw new IllegalArgumentException("MIDI pitch out of range: " + pitch);
        if (!(quarters > 0) || Double.isInfinite(quarters)) throw new IllegalArgumentException("a note must last a positive, finite time, not " + quarters);
    }

    public static Note rest(double quarters) {
        return new Note(REST, quarters);
    }

    public boolean isRest() {
        return pitch == REST;
    }

    /** Pitch class 0–11 (C = 0), or -1 for a rest. */
    public int pitchClass() {
        return isRest() ? -1 : pitch % 12;
    }

    public Note transpose(int semitones) {
        return isRest() ? this : new Note(pitch + semitones, quarters);
    }

    private static final String[] NAMES = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};

    /** A MIDI pitch's name with its octave: 60 is "C4", 70 is "A#4". */
    public static String name(int midi) {
        return NAMES[midi % 12] + (midi / 12 - 1);
    }

    @Override
    public String toString() {
        String length = quarters == Math.rint(quarters) ? Integer.toString((int) quarters) : Double.toString(quarters);
        return (isRest() ? "rest" : name(pitch)) + "×" + length;
    }
}
