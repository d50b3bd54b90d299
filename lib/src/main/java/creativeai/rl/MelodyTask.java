package creativeai.rl;

import creativeai.music.Key;
import creativeai.music.Note;
import creativeai.music.Tune;

import java.util.ArrayList;
import java.util.List;

/**
 * Composing as a task an agent can learn: a melody of a few bars of 4/4 written one eighth note at a time. At each
 * step the agent picks an action: {@link #HOLD} (the sounding note or rest goes on), {@link #REST}, or one of the
 * 25 pitches from C4 to C6 ({@link #action(int)}). The task knows its key (for the rules that judge the melody)
 * and turns a finished list of actions into a {@link Tune} to hear, draw and measure.
 */
public final class MelodyTask {
    public static final int HOLD = 0, REST = 1;
    public static final int LOWEST = 60, HIGHEST = 84;   // C4 .. C6
    public static final int STEPS_PER_BAR = 8;           // eighth notes in a bar of 4/4
    private static final int FIRST_PITCH = 2;
    private final Key key;
    private final int bars;

    public MelodyTask(Key key, int bars) {
        if (bars < 1) throw new IllegalArgumentException("a melody needs at least one bar, not " + bars);
        this.key = key;
        this.bars = bars;
    }

    /** The number of different actions: hold, rest and 25 pitches. */
    public static int actions() {
        return FIRST_PITCH + HIGHEST - LOWEST + 1;
    }

    /** The action that starts a note of this MIDI pitch. */
    public static int action(int midi) {
        if (midi < LOWEST || midi > HIGHEST) {
            throw new IllegalArgumentException("pitch " + midi + " (" + Note.name(midi) + ") is outside the task's range C4–C6");
        }
        return FIRST_PITCH + midi - LOWEST;
    }

    /** The pitch an action starts, or {@link Note#REST} for hold and rest. */
    public static int pitch(int action) {
        check(action);
        return action >= FIRST_PITCH ? LOWEST + action - FIRST_PITCH : Note.REST;
    }

    /** "hold", "rest" or a note name such as "E5". */
    public static String name(int action) {
        return action == HOLD ? "hold" : action == REST ? "rest" : Note.name(pitch(action));
    }

    /** An action outside 0 … actions() − 1 is a clear error. */
    public static void check(int action) {
        if (action < 0 || action >= actions()) {
            throw new IllegalArgumentException("no action " + action + ": actions are 0 (hold), 1 (rest) and 2–" + (actions() - 1) + " (C4–C6)");
        }
    }

    public Key key() {
        return key;
    }

    /** Steps in one melody: eighth notes in all its bars. */
    public int steps() {
        return bars * STEPS_PER_BAR;
    }

    /** The notes a list of actions plays (holds lengthen the note or rest before them; a hold at the start is a rest). */
    public List<Note> notes(int[] actions) {
        List<Note> notes = new ArrayList<>();
        for (int action : actions) {
            check(action);
            Note last = notes.isEmpty() ? null : notes.get(notes.size() - 1);
            boolean extendsLast = last != null && (action == HOLD || (action == REST && last.isRest()));
            if (extendsLast) notes.set(notes.size() - 1, new Note(last.pitch(), last.quarters() + 0.5));
            else notes.add(action == HOLD || action == REST ? Note.rest(0.5) : new Note(pitch(action), 0.5));
        }
        return notes;
    }

    /** The melody as a tune in the task's key, 4/4, to play, draw as a piano roll, or write as ABC and MIDI. */
    public Tune tune(int[] actions, String title) {
        if (actions.length != steps()) throw new IllegalArgumentException("a melody of this task has " + steps() + " steps, not " + actions.length);
        return new Tune(0, title, key, "4/4", 100, notes(actions));
    }
}
