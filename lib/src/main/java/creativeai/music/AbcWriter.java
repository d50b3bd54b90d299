package creativeai.music;

import java.util.HashMap;
import java.util.Map;

/**
 * Writes a {@link Tune} as ABC text a musician (or any ABC program) can read: a header, then the notes with
 * the key's accidentals implied (other notes spelled by a simple rule: sharps in sharp and minor keys, else flats), bar lines from the metre, notes that cross a bar line split and tied, four
 * bars to a line. {@link AbcParser} reads the result back to the same notes.
 */
public final class AbcWriter {
    private static final int[] STEP_PITCH = Key.STEP_PITCH;
    private static final double UNIT = 0.25; // L:1/16, in quarter notes
    private static final double EPSILON = 1e-6;

    private AbcWriter() {
    }

    public static String write(Tune tune) {
        StringBuilder abc = new StringBuilder();
        abc.append("X:").append(tune.number()).append('\n')
                .append("T:").append(tune.title().isBlank() ? "Untitled" : tune.title()).append('\n')
                .append("M:").append(tune.meter()).append('\n')
                .append("L:1/16\n")
                .append("Q:1/4=").append(tune.tempo()).append('\n')
                .append("K:").append(tune.key().abcName()).append('\n');
        Map<Integer, Integer> barAccidentals = new HashMap<>();
        double bar = tune.barQuarters();
        double inBar = 0;
        int bars = 0;
        for (Note note : tune.notes()) {
            double left = note.quarters();
            while (left > EPSILON) {
                double part = Math.min(left, bar - inBar);
                left -= part;
                inBar += part;
                abc.append(note.isRest() ? "z" : pitch(note.pitch(), tune.key(), barAccidentals)).append(length(part));
                if (left > EPSILON && !note.isRest()) abc.append('-');
                if (inBar > bar - EPSILON) {
                    inBar = 0;
                    barAccidentals.clear();
                    abc.append(++bars % 4 == 0 ? " |\n" : " | ");
                }
            }
        }
        if (inBar > 0) abc.append(" |");
        return abc.toString().stripTrailing() + "\n";
    }

    /** A pitch spelled in the key: a scale note by its letter, another with a sharp (sharp keys) or flat. */
    private static String pitch(int midi, Key key, Map<Integer, Integer> barAccidentals) {
        int pitchClass = midi % 12;
        int step = -1;
        int alteration = 0;
        for (int s = 0; s < 7 && step < 0; s++) {
            int alter = key.alteration("CDEFGAB".charAt(s));
            if (Math.floorMod(STEP_PITCH[s] + alter, 12) == pitchClass) {
                step = s;
                alteration = alter;
            }
        }
        for (int s = 0; s < 7 && step < 0; s++) {
            if (STEP_PITCH[s] == pitchClass) step = s; // a natural the key alters: written with =
        }
        if (step < 0) { // a black key outside the scale: sharpened in sharp and minor keys, else flattened
            alteration = key.sharps() > 0 || key.isMinor() ? 1 : -1;
            for (int s = 0; s < 7; s++) if (STEP_PITCH[s] == Math.floorMod(pitchClass - alteration, 12)) step = s;
        }
        int natural = midi - alteration;
        char letter = "CDEFGAB".charAt(step);
        String mark = "";
        if (barAccidentals.getOrDefault(natural, key.alteration(letter)) != alteration) {
            mark = alteration > 0 ? "^" : alteration < 0 ? "_" : "=";
            barAccidentals.put(natural, alteration);
        }
        int octave = natural / 12 - 1;
        StringBuilder name = new StringBuilder(mark).append(octave >= 5 ? Character.toLowerCase(letter) : letter);
        for (int o = octave; o > 5; o--) name.append('\'');
        for (int o = octave; o < 4; o++) name.append(',');
        return name.toString();
    }

    /** A length in sixteenths: "" for one, "3", "/2", "2/3" (triplets). */
    private static String length(double quarters) {
        double units = quarters / UNIT;
        for (int denominator = 1; denominator <= 96; denominator++) {
            long numerator = Math.round(units * denominator);
            if (Math.abs(numerator - units * denominator) < 1e-4) {
                long gcd = java.math.BigInteger.valueOf(numerator).gcd(java.math.BigInteger.valueOf(denominator)).longValue();
                long n = numerator / gcd;
                long d = denominator / gcd;
                String count = n == 1 ? "" : Long.toString(n);
                return d == 1 ? count : count + "/" + d;
            }
        }
        throw new IllegalArgumentException("a note length of " + quarters + " quarters has no ABC form with a denominator up to 96");
    }
}
