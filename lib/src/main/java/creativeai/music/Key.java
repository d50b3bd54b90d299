package creativeai.music;

import java.util.Locale;
import java.util.Map;

/**
 * A key signature read from ABC's K: field: tonic ("G", "Bb", "F#"), mode (major, minor, dorian, mixolydian,
 * ...), and from them how many sharps (positive) or flats (negative) the signature has.
 */
public record Key(String name, int tonic, String mode, int sharps) {
    private static final Map<String, Integer> MAJOR_SHARPS = Map.ofEntries(
            Map.entry("C", 0), Map.entry("G", 1), Map.entry("D", 2), Map.entry("A", 3), Map.entry("E", 4),
            Map.entry("B", 5), Map.entry("F#", 6), Map.entry("C#", 7), Map.entry("F", -1), Map.entry("Bb", -2),
            Map.entry("Eb", -3), Map.entry("Ab", -4), Map.entry("Db", -5), Map.entry("Gb", -6), Map.entry("Cb", -7),
            Map.entry("G#", 8), Map.entry("D#", 9), Map.entry("A#", 10), Map.entry("E#", 11), Map.entry("B#", 12),
            Map.entry("Fb", -8));
    /** How far each mode's signature is from the major key on the same tonic. */
    private static final Map<String, Integer> MODE_OFFSET = Map.of("maj", 0, "ion", 0, "mix", -1, "dor", -2,
            "min", -3, "aeo", -3, "m", -3, "phr", -4, "loc", -5, "lyd", 1);
    static final int[] STEP_PITCH = {0, 2, 4, 5, 7, 9, 11}; // C D E F G A B
    private static final String SHARP_ORDER = "FCGDAEB";

    /** Parses a K: value such as "G", "Gm", "Ador", "Bb mix", "F#min"; an unsupported key is a clear error. */
    public static Key parse(String field) {
        String text = field.strip();
        if (text.isEmpty() || text.equalsIgnoreCase("none")) return new Key("C", 0, "major", 0);
        int i = 1;
        if (text.length() > 1 && (text.charAt(1) == '#' || text.charAt(1) == 'b')) i = 2;
        String tonicName = text.substring(0, i);
        String rest = text.substring(i).strip().toLowerCase(Locale.ROOT);
        String modeKey = rest.isEmpty() ? "maj" : rest.equals("m") ? "m" : rest.length() >= 3 ? rest.substring(0, 3) : rest;
        Integer major = MAJOR_SHARPS.get(tonicName);
        Integer offset = MODE_OFFSET.get(modeKey);
        if (major == null || offset == null || (rest.length() > 3 && rest.contains(" "))) {
            throw new IllegalArgumentException("unsupported key '" + field.strip() + "' (supported: a tonic A–G with # or b, "
                    + "then a mode: major, m/minor, dorian, mixolydian, phrygian, lydian, locrian)");
        }
        int sharps = major + offset;
        if (Math.abs(sharps) > 7) throw new IllegalArgumentException("unsupported key '" + field.strip() + "': more than 7 sharps or flats");
        int tonic = Math.floorMod(STEP_PITCH["CDEFGAB".indexOf(tonicName.charAt(0))]
                + (tonicName.endsWith("#") ? 1 : tonicName.endsWith("b") ? -1 : 0), 12);
        String mode = switch (modeKey) {
            case "maj", "ion" -> "major";
            case "m", "min", "aeo" -> "minor";
            case "mix" -> "mixolydian";
            case "dor" -> "dorian";
            case "phr" -> "phrygian";
            case "loc" -> "locrian";
            default -> "lydian";
        };
        return new Key(field.strip(), tonic, mode, sharps);
    }

    private static final String[] MAJOR_BY_SHARPS = {"Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"};
    private static final String[] MINOR_BY_SHARPS = {"Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#", "G#", "D#", "A#"};

    /** The key a MIDI key-signature event names: sharps (negative for flats, -7..7) and major or minor. */
    public static Key fromSignature(int sharps, boolean minor) {
        if (Math.abs(sharps) > 7) throw new IllegalArgumentException("a key signature has at most 7 sharps or flats, not " + sharps);
        return parse(minor ? MINOR_BY_SHARPS[sharps + 7] + "m" : MAJOR_BY_SHARPS[sharps + 7]);
    }

    /** The alteration (+1, -1 or 0) the signature gives a note letter. */
    public int alteration(char letter) {
        int position = SHARP_ORDER.indexOf(Character.toUpperCase(letter));
        if (sharps > 0) return position < sharps ? 1 : 0;
        if (sharps < 0) return 6 - position < -sharps ? -1 : 0;
        return 0;
    }

    public boolean isMinor() {
        return mode.equals("minor") || mode.equals("dorian") || mode.equals("phrygian") || mode.equals("locrian");
    }

    /** Pitch classes of the key's scale (its seven notes), for checking whether a melody stays in key. */
    public boolean inScale(int pitchClass) {
        for (int step = 0; step < 7; step++) {
            if (Math.floorMod(STEP_PITCH[step] + alteration("CDEFGAB".charAt(step)), 12) == Math.floorMod(pitchClass, 12)) return true;
        }
        return false;
    }

    /** The key as an ABC K: value ("G", "F#m", "DDor"), spelled from the signature, so a transposed key reads right too. */
    public String abcName() {
        String tonicName = null;
        for (int step = 0; step < 7 && tonicName == null; step++) {
            char letter = "CDEFGAB".charAt(step);
            int alter = alteration(letter);
            if (Math.floorMod(STEP_PITCH[step] + alter, 12) == tonic) tonicName = letter + (alter > 0 ? "#" : alter < 0 ? "b" : "");
        }
        String suffix = switch (mode) {
            case "major" -> "";
            case "minor" -> "m";
            default -> mode.substring(0, 1).toUpperCase(Locale.ROOT) + mode.substring(1, 3);
        };
        return tonicName + suffix;
    }

    Key transpose(int semitones) {
        return new Key(name + (semitones == 0 ? "" : (semitones > 0 ? " +" : " ") + semitones), Math.floorMod(tonic + semitones, 12), mode,
                sharps == 0 && semitones == 0 ? 0 : Math.floorMod(sharps + 7 * semitones + 6, 12) - 6);
    }
}
