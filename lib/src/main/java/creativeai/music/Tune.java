package creativeai.music;

import java.util.List;

/**
 * A melody with what a musician needs to read it: its number and title in the collection, key (as written
 * in ABC, e.g. "Gm", "Ador"), tonic pitch class and mode, metre ("6/8") and the notes in order.
 */
public record Tune(int number, String title, Key key, String meter, List<Note> notes) {

    public double quarters() {
        return notes.stream().mapToDouble(Note::quarters).sum();
    }

    /** The melody moved by some semitones (rests stay rests), e.g. to bring every tune to C. */
    public Tune transpose(int semitones) {
        return new Tune(number, title, key.transpose(semitones), meter, notes.stream().map(n -> n.transpose(semitones)).toList());
    }

    /** The same tune moved to the nearest key with tonic C (major modes) or A (minor modes). */
    public Tune toCommonKey() {
        int target = key.isMinor() ? 9 : 0;
        int shift = Math.floorMod(target - key.tonic() + 6, 12) - 6;
        return transpose(shift);
    }
}
