package creativeai.music;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads melodies written in ABC notation (abcnotation.com's standard 2.1, the part folk collections use):
 * header fields X, T, M, L, K; notes with accidentals, octave marks and lengths; rests; ties; broken rhythm
 * (&gt;, &lt;); triplets and other tuplets; bar-local accidentals. Chord symbols, decorations, grace notes and
 * slurs are read past; repeats are not expanded; in a chord only the first note is kept. Malformed text
 * is an {@link AbcException} naming the line and column.
 */
public final class AbcParser {
    private static final int[] STEP_PITCH = {9, 11, 0, 2, 4, 5, 7}; // A B C D E F G
    private static final String DECORATIONS = ".~HLMOPSTuvJR";

    private AbcParser() {
    }

    /** Every tune in a file or collection (each starts with an X: line). */
    public static List<Tune> parseAll(String text) {
        List<Tune> tunes = new ArrayList<>();
        for (TuneText tune : split(text)) tunes.add(parseTune(tune));
        return tunes;
    }

    /** One tune per entry, with the failures kept apart: for collections where a few transcriptions are odd. */
    public record Collection(List<Tune> tunes, List<AbcException> failures) {
    }

    public static Collection parseCollection(String text) {
        List<Tune> tunes = new ArrayList<>();
        List<AbcException> failures = new ArrayList<>();
        for (TuneText tune : split(text)) {
            try {
                tunes.add(parseTune(tune));
            } catch (AbcException e) {
                failures.add(e);
            }
        }
        return new Collection(tunes, failures);
    }

    private record TuneText(List<String> lines, int firstLine) {
    }

    private static List<TuneText> split(String text) {
        List<TuneText> tunes = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        List<String> current = null;
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("X:")) {
                if (current != null) tunes.add(new TuneText(current, start));
                current = new ArrayList<>();
                start = i + 1;
            }
            if (current != null) current.add(lines[i]);
        }
        if (current != null) tunes.add(new TuneText(current, start));
        if (tunes.isEmpty() && !text.isBlank()) throw new AbcException("line 1: no tune found (every ABC tune starts with an X: line)");
        return tunes;
    }

    private static Tune parseTune(TuneText text) {
        Reader reader = new Reader(text);
        return reader.read();
    }

    /** Parses one tune's lines, keeping the state ABC needs: unit length, key, accidentals in the bar. */
    private static final class Reader {
        private static final int MAX_NUMBER = 1024;
        private static final int MAX_TEMPO = 1000;
        private final TuneText text;
        private int number;
        private String title = "";
        private String meter = "4/4";
        private int tempo = Tune.DEFAULT_TEMPO;
        private double unit = -1;
        private Key key;
        private final List<Note> notes = new ArrayList<>();
        private final Map<Integer, Integer> barAccidentals = new HashMap<>();
        private boolean tiePending;
        private double nextFactor = 1;
        private int tupletLeft;
        private double tupletFactor = 1;
        private String line;
        private int lineNumber;
        private int pos;

        Reader(TuneText text) {
            this.text = text;
        }

        Tune read() {
            for (int i = 0; i < text.lines().size(); i++) {
                line = text.lines().get(i);
                lineNumber = text.firstLine() + i;
                int comment = line.indexOf('%');
                if (comment >= 0) line = line.substring(0, comment);
                if (line.length() >= 2 && line.charAt(1) == ':' && Character.isLetter(line.charAt(0))) {
                    header(line.charAt(0), line.substring(2).strip());
                } else if (key != null) {
                    try {
                        body();
                    } catch (AbcException e) {
                        throw e;
                    } catch (IllegalArgumentException e) { // a note the library refuses (a length of 0, say): where it is
                        throw error(pos, e.getMessage());
                    }
                } else if (!line.isBlank()) {
                    throw error(0, "music before the K: line (the key ends an ABC header)");
                }
            }
            if (key == null) throw error(0, "the tune has no K: (key) line");
            if (notes.isEmpty()) throw error(0, "the tune has no notes");
            try {
                return new Tune(number, title, key, meter, tempo, notes);
            } catch (IllegalArgumentException e) {
                throw error(0, e.getMessage());
            }
        }

        private void header(char field, String value) {
            switch (field) {
                case 'X' -> number = parseIntOr(value, 0);
                case 'T' -> title = title.isEmpty() ? value : title;
                case 'M' -> meter = meter(value);
                case 'L' -> unit = fraction(value, 0);
                case 'Q' -> tempo = tempo(value);
                case 'K' -> {
                    try {
                        key = Key.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw error(2, e.getMessage());
                    }
                    if (unit < 0) unit = defaultUnit();
                }
                default -> { } // other fields (composer, source, notes, lyrics) are not needed for the melody
            }
        }

        /** An M: field: "6/8", "C" (4/4) or "C|" (2/2); free metre ("none") and compound forms are not supported. */
        private String meter(String value) {
            String m = value.replace(" ", "");
            if (m.equals("C")) return "4/4";
            if (m.equals("C|")) return "2/2";
            if (!m.matches("[1-9]\\d?/(1|2|4|8|16|32|64)")) {
                throw error(2, "unsupported metre '" + value + "' (supported: n/d such as 6/8 with n below 100 and d a power of 2 up to 64, C, C|)");
            }
            return m;
        }

        /** A Q: field, "1/4=120", "3/8=80" or a bare "120", as quarter notes per minute; odd forms keep the default. */
        private int tempo(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:(\\d+)/(\\d+)\\s*=\\s*)?(\\d+)").matcher(value);
            if (!m.find()) return tempo;
            double beat = m.group(1) == null ? 1 : Double.parseDouble(m.group(1)) * 4.0 / Double.parseDouble(m.group(2));
            double perMinute = Math.round(Double.parseDouble(m.group(3)) * beat);
            if (perMinute == 0 || Double.isNaN(perMinute)) return tempo;
            if (perMinute > MAX_TEMPO) throw error(2, "a tempo of " + m.group() + " is " + perMinute + " quarter notes a minute: beyond " + MAX_TEMPO);
            return (int) perMinute;
        }

        /** ABC's default unit: a sixteenth for metres below 3/4, else an eighth (in quarter notes). */
        private double defaultUnit() {
            double m = fraction(meter, 0);
            return m < 3 ? 0.25 : 0.5;
        }

        private double fraction(String value, int column) {
            String[] parts = value.strip().split("/");
            try {
                double v = parts.length == 2 ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]) : Double.parseDouble(parts[0]);
                if (!(v > 0) || Double.isInfinite(v)) throw new NumberFormatException();
                return v * 4; // whole-note fractions to quarter notes
            } catch (NumberFormatException e) {
                throw error(column, "not a length: '" + value + "'");
            }
        }

        private void body() {
            pos = 0;
            while (pos < line.length()) {
                char c = line.charAt(pos);
                if (c == ' ' || c == '\t' || c == '\\' || c == 'y' || c == '`') {
                    pos++;
                } else if (c == '|' || c == ':' || c == ']') {
                    barline();
                } else if (c == '[') {
                    bracket();
                } else if (c == '"') {
                    skipPast('"', "an unclosed \" (chord symbol or annotation)");
                } else if (c == '!' || c == '+') {
                    skipPast(c, "an unclosed " + c + " decoration");
                } else if (c == '{') {
                    skipPast('}', "an unclosed { (grace notes)");
                } else if (c == '(') {
                    tupletOrSlur();
                } else if (c == ')' || DECORATIONS.indexOf(c) >= 0) {
                    pos++;
                } else if (c == '-') {
                    tiePending = true;
                    pos++;
                } else if (c == '>' || c == '<') {
                    brokenRhythm();
                } else if (c == 'z' || c == 'x') {
                    pos++;
                    add(Note.REST, length());
                } else if (c == 'Z') {
                    pos++;
                    double bars = Character.isDigit(peek()) ? readInt() : 1;
                    add(Note.REST, bars * fraction(meter, pos) / unit);
                } else if (c == '^' || c == '_' || c == '=' || isNoteLetter(c)) {
                    note();
                } else {
                    throw error(pos, "unexpected '" + c + "'");
                }
            }
        }

        private void barline() {
            while (pos < line.length() && "|:]".indexOf(line.charAt(pos)) >= 0) pos++;
            while (pos < line.length() && (Character.isDigit(line.charAt(pos)) || line.charAt(pos) == ',' || line.charAt(pos) == '-')) pos++;
            barAccidentals.clear();
        }

        private void bracket() {
            if (pos + 2 < line.length() && Character.isLetter(line.charAt(pos + 1)) && line.charAt(pos + 2) == ':') {
                int end = line.indexOf(']', pos);
                if (end < 0) throw error(pos, "an unclosed inline field [");
                header(line.charAt(pos + 1), line.substring(pos + 3, end).strip());
                pos = end + 1;
            } else if (pos + 1 < line.length() && Character.isDigit(line.charAt(pos + 1))) {
                pos++;
                while (pos < line.length() && (Character.isDigit(line.charAt(pos)) || line.charAt(pos) == ',')) pos++;
            } else if (pos + 1 < line.length() && line.charAt(pos + 1) == '|') {
                pos++;
                barline();
            } else {
                chord();
            }
        }

        /** A chord [CEG]2: the first note is kept (the melody), the others are read past. */
        private void chord() {
            int end = line.indexOf(']', pos);
            if (end < 0) throw error(pos, "an unclosed chord [");
            pos++;
            int before = notes.size();
            note();
            pos = end + 1;
            double extra = length();
            if (extra != 1 && notes.size() > before) {
                Note first = notes.remove(notes.size() - 1);
                notes.add(new Note(first.pitch(), first.quarters() * extra));
            }
        }

        private void tupletOrSlur() {
            pos++;
            if (!Character.isDigit(peek())) return; // a slur: phrasing only
            int start = pos;
            int p = readInt();
            int q = switch (p) {
                case 2, 4, 8 -> 3;
                case 3, 6 -> 2;
                default -> meter.matches("\\d+/8") && !meter.equals("3/8") ? 3 : 2;
            };
            int r = p;
            if (peek() == ':') {
                pos++;
                if (Character.isDigit(peek())) q = readInt();
                if (peek() == ':') {
                    pos++;
                    if (Character.isDigit(peek())) r = readInt();
                }
            }
            if (p == 0 || q == 0) throw error(start, "a tuplet needs at least one note in the time of at least one");
            tupletFactor = q / (double) p;
            tupletLeft = r;
        }

        private void brokenRhythm() {
            char c = line.charAt(pos);
            int count = 0;
            while (pos < line.length() && line.charAt(pos) == c) {
                count++;
                pos++;
            }
            if (notes.isEmpty()) throw error(pos - count, "a broken rhythm '" + c + "' needs a note before it");
            if (count > 3) throw error(pos - count, "a broken rhythm of more than three '" + c + "'");
            double shortPart = Math.pow(0.5, count);
            double previous = c == '>' ? 2 - shortPart : shortPart;
            nextFactor = c == '>' ? shortPart : 2 - shortPart;
            Note last = notes.remove(notes.size() - 1);
            notes.add(new Note(last.pitch(), last.quarters() * previous));
        }

        private void note() {
            int start = pos;
            Integer accidental = null;
            while (pos < line.length() && "^_=".indexOf(line.charAt(pos)) >= 0) {
                char a = line.charAt(pos++);
                accidental = (accidental == null ? 0 : accidental) + (a == '^' ? 1 : a == '_' ? -1 : 0);
            }
            if (pos >= line.length() || !isNoteLetter(line.charAt(pos))) throw error(start, "an accidental without a note");
            char letter = line.charAt(pos++);
            int octave = Character.isLowerCase(letter) ? 5 : 4;
            while (pos < line.length() && (line.charAt(pos) == '\'' || line.charAt(pos) == ',')) {
                octave += line.charAt(pos++) == '\'' ? 1 : -1;
            }
            int natural = 12 * (octave + 1) + STEP_PITCH[Character.toUpperCase(letter) - 'A'];
            if (accidental != null) barAccidentals.put(natural, accidental);
            int alteration = barAccidentals.getOrDefault(natural, key.alteration(letter));
            int pitch = natural + alteration;
            if (pitch < 0 || pitch > 127) throw error(start, "the note is outside the MIDI range");
            add(pitch, length());
        }

        private void add(int pitch, double units) {
            double quarters = units * unit * nextFactor;
            nextFactor = 1;
            if (tupletLeft > 0) {
                quarters *= tupletFactor;
                tupletLeft--;
            }
            if (!(quarters > 0) || Double.isInfinite(quarters)) throw error(pos, "a note of no length or of endless length");
            Note previous = notes.isEmpty() ? null : notes.get(notes.size() - 1);
            if (tiePending && previous != null && previous.pitch() == pitch) {
                notes.set(notes.size() - 1, new Note(pitch, previous.quarters() + quarters));
            } else {
                notes.add(new Note(pitch, quarters));
            }
            tiePending = false;
        }

        /** A note's length multiplier: "2", "3/2", "/", "//", "/4". */
        private double length() {
            double numerator = Character.isDigit(peek()) ? readInt() : 1;
            double value = numerator;
            while (peek() == '/') {
                pos++;
                int divisor = Character.isDigit(peek()) ? readInt() : 2;
                if (divisor == 0) throw error(pos - 1, "a note length divided by 0");
                value /= divisor;
            }
            return value;
        }

        private void skipPast(char close, String problem) {
            int end = line.indexOf(close, pos + 1);
            if (end < 0) throw error(pos, problem);
            pos = end + 1;
        }

        private char peek() {
            return pos < line.length() ? line.charAt(pos) : '\0';
        }

        /** A number in the music (a length, a tuplet, a count of bars): at most {@value #MAX_NUMBER}. */
        private int readInt() {
            int start = pos;
            while (pos < line.length() && Character.isDigit(line.charAt(pos))) pos++;
            String digits = line.substring(start, pos);
            if (digits.length() > 4 || Integer.parseInt(digits) > MAX_NUMBER) throw error(start, "the number " + digits + " is too large here");
            return Integer.parseInt(digits);
        }

        private static boolean isNoteLetter(char c) {
            return (c >= 'A' && c <= 'G') || (c >= 'a' && c <= 'g');
        }

        private static int parseIntOr(String text, int fallback) {
            try {
                return Integer.parseInt(text.strip());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }

        private AbcException error(int column, String message) {
            String where = "tune " + number + (title.isEmpty() ? "" : " (" + title + ")");
            return new AbcException(where + ", line " + lineNumber + ", column " + (column + 1) + ": " + message);
        }
    }
}
