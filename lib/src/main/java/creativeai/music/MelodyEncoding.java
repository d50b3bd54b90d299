package creativeai.music;

import java.util.ArrayList;
import java.util.List;

/**
 * Melodies as token sequences on a grid of sixteenth notes, the way a language model can learn them: at each
 * step a pitch token starts a note, {@link #HOLD} lets the sounding note (or rest) go on, {@link #REST}
 * starts a silence; {@link #BAR} marks each bar line, so the model can feel the metre; {@link #END} closes a
 * tune. Pitches from C3 to C7 are kept (tunes are first moved to C major or A minor, see
 * {@link Tune#toCommonKey}); notes off the grid (triplets) are rounded to the nearest sixteenth.
 */
public final class MelodyEncoding {
    public static final int REST = 0, HOLD = 1, BAR = 2, END = 3;
    public static final int LOWEST = 48, HIGHEST = 96; // C3 .. C7
    public static final double STEP = 0.25; // a sixteenth note, in quarter notes
    private static final int FIRST_PITCH = 4;

    private MelodyEncoding() {
    }

    public static int vocabularySize() {
        return FIRST_PITCH + HIGHEST - LOWEST + 1;
    }

    public static int pitchToken(int midi) {
        if (midi < LOWEST || midi > HIGHEST) {
            throw new IllegalArgumentException("pitch " + midi + " is outside the encoder's range C3–C7 (MIDI " + LOWEST + "–" + HIGHEST
                    + "): transpose the tune by octaves first");
        }
        return FIRST_PITCH + midi - LOWEST;
    }

    /** Steps per bar for the tune's metre: 12 for 6/8, 8 for 2/4; a metre that is not whole sixteenths is an error. */
    public static int stepsPerBar(Tune tune) {
        double steps = tune.barQuarters() / STEP;
        if (Math.abs(steps - Math.rint(steps)) > 1e-9 || steps < 1) {
            throw new IllegalArgumentException("the metre " + tune.meter() + " is not a whole number of sixteenths per bar; "
                    + "the encoder supports metres such as 2/4, 3/4, 4/4, 6/8, 9/8, 12/8");
        }
        return (int) Math.rint(steps);
    }

    /** The tune (in the key it is in: call {@link Tune#toCommonKey} first to train on many keys at once) as tokens, ending with END. */
    public static int[] encode(Tune tune) {
        int perBar = stepsPerBar(tune);
        List<Integer> tokens = new ArrayList<>();
        double time = 0;
        int step = 0;
        for (Note note : tune.notes()) {
            int from = (int) Math.round(time / STEP);
            time += note.quarters();
            int to = (int) Math.round(time / STEP);
            for (int s = from; s < to; s++, step++) {
                if (step % perBar == 0) tokens.add(BAR);
                tokens.add(s > from ? HOLD : note.isRest() ? REST : pitchToken(note.pitch()));
            }
        }
        tokens.add(END);
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Tokens back to notes: each onset starts a note, HOLD lengthens it, BAR is skipped, END stops. */
    public static List<Note> decode(int[] tokens) {
        List<Note> notes = new ArrayList<>();
        for (int token : tokens) {
            if (token == END) break;
            if (token == BAR) continue;
            if (token == HOLD) {
                if (notes.isEmpty()) notes.add(Note.rest(STEP));
                else notes.set(notes.size() - 1, new Note(notes.get(notes.size() - 1).pitch(), notes.get(notes.size() - 1).quarters() + STEP));
            } else if (token == REST) {
                Note last = notes.isEmpty() ? null : notes.get(notes.size() - 1);
                if (last != null && last.isRest()) notes.set(notes.size() - 1, Note.rest(last.quarters() + STEP));
                else notes.add(Note.rest(STEP));
            } else {
                notes.add(new Note(LOWEST + token - FIRST_PITCH, STEP));
            }
        }
        return notes;
    }

    /** The MIDI pitch a token starts, or {@link Note#REST} for the tokens that are not a pitch (rest, hold, bar, end). */
    public static int pitch(int token) {
        return token >= FIRST_PITCH && token < vocabularySize() ? LOWEST + token - FIRST_PITCH : Note.REST;
    }

    /** A readable name for a token: "G4", "hold", "rest", "|", "end". */
    public static String name(int token) {
        return switch (token) {
            case REST -> "rest";
            case HOLD -> "-";
            case BAR -> "|";
            case END -> "end";
            default -> Note.name(pitch(token));
        };
    }

    /** The whole corpus as one stream (each tune moved to the common key, ended with END); tunes out of range are left out. */
    public static int[] corpus(List<Tune> tunes) {
        List<int[]> encoded = new ArrayList<>();
        for (Tune tune : tunes) {
            try {
                encoded.add(encode(tune.toCommonKey()));
            } catch (IllegalArgumentException outOfRange) {
                // a tune beyond C3–C7 or in an odd metre: a handful in the folk corpus
            }
        }
        if (encoded.isEmpty()) throw new IllegalArgumentException("no tune could be encoded: the corpus is empty or every tune is out of range");
        return encoded.stream().flatMapToInt(java.util.Arrays::stream).toArray();
    }
}
