package creativeai.rl;

import creativeai.music.Key;
import creativeai.music.Note;

import java.util.Arrays;

/**
 * One decision of the composing agent, as the rules of a {@link Reward} see it: the melody so far (actions), the
 * action chosen now, and where it falls (step, position in the bar, whether it is the last step). Helpers give what
 * music rules ask about: the pitch sounding after the action and the pitches of the notes before it.
 */
public record Move(MelodyTask task, int[] before, int action) {
    public Move {
        MelodyTask.check(action);
        if (before.length >= task.steps()) throw new IllegalArgumentException("the melody is complete: " + before.length + " steps of " + task.steps());
    }

    public int step() {
        return before.length;
    }

    /** 0 on the first eighth of a bar, 4 on its third beat. */
    public int positionInBar() {
        return step() % MelodyTask.STEPS_PER_BAR;
    }

    public boolean isLast() {
        return step() == task.steps() - 1;
    }

    public Key key() {
        return task.key();
    }

    /** True when the action starts a new note (not a hold or a rest). */
    public boolean startsNote() {
        return action != MelodyTask.HOLD && action != MelodyTask.REST;
    }

    /** The pitch sounding after the action: the new note, the held note, or {@link Note#REST}. */
    public int sounding() {
        if (startsNote()) return MelodyTask.pitch(action);
        if (action == MelodyTask.REST) return Note.REST;
        return previousNote(0);
    }

    /**
     * The pitch of an earlier note (0: the latest note started before this step, 1: the one before it, ...), or
     * {@link Note#REST} when there are not that many, or a rest came in between.
     */
    public int previousNote(int back) {
        int seen = 0;
        for (int i = before.length - 1; i >= 0; i--) {
            if (before[i] == MelodyTask.REST) return Note.REST;
            if (before[i] == MelodyTask.HOLD) continue;
            if (seen++ == back) return MelodyTask.pitch(before[i]);
        }
        return Note.REST;
    }

    /** The melody with this action added. */
    public int[] after() {
        int[] melody = Arrays.copyOf(before, before.length + 1);
        melody[before.length] = action;
        return melody;
    }
}
