package creativeai.music;

import creativeai.data.DataStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Real tunes, damaged at random (seeded): every damaged ABC tune and MIDI file either reads as notes of positive,
 * finite length or fails with the course's own error saying where; nothing else escapes.
 */
class ParserFuzzTest {
    private static final String ABC_DAMAGE = "0123456789/<>()[]{}:|^_=,'-zxZABCabcKLMQ!\"% \n";
    private static final String[] BIG_NUMBERS = {"0", "99999999999", "2147483648", "4096", "0:2:3", "/0", "//////"};

    private static List<String> tunes() throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(DataStore.standard().path("oneills-1850")))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> tunes = new ArrayList<>();
            for (String tune : text.split("(?=\nX:)")) if (tune.strip().startsWith("X:")) tunes.add(tune.strip() + "\n");
            return tunes;
        }
    }

    static String damage(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(4)) {
                case 0 -> s.setCharAt(at, ABC_DAMAGE.charAt(random.nextInt(ABC_DAMAGE.length())));
                case 1 -> s.insert(at, BIG_NUMBERS[random.nextInt(BIG_NUMBERS.length)]);
                case 2 -> s.deleteCharAt(at);
                default -> s.insert(at, s.substring(at, Math.min(s.length(), at + 1 + random.nextInt(8))));
            }
        }
        return s.toString();
    }

    private static void assertPlayable(Tune tune, String what) {
        for (Note note : tune.notes()) {
            if (!(note.quarters() > 0) || !Double.isFinite(note.quarters())) fail(what + ": a note of length " + note.quarters());
        }
        assertTrue(tune.tempo() > 0 && tune.tempo() <= 1000, what + ": tempo " + tune.tempo());
    }

    @Test
    void damagedAbcTunesReadOrSayWhichTuneLineAndColumn() throws IOException {
        List<String> tunes = tunes();
        Random random = new Random(20261129);
        int read = 0, refused = 0;
        for (int i = 0; i < 5000; i++) {
            String damaged = damage(tunes.get(random.nextInt(tunes.size())), random);
            try {
                for (Tune tune : AbcParser.parseAll(damaged)) assertPlayable(tune, damaged);
                read++;
            } catch (AbcException e) {
                assertTrue(e.getMessage().matches("(?s)(tune \\d+.*, )?line \\d+(, column \\d+)?: .+"), e.getMessage());
                refused++;
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " escaped with " + e + " on:\n" + damaged, e);
            }
        }
        System.out.printf("5000 damaged ABC tunes: %d read, %d refused with their place%n", read, refused);
        assertEquals(5000, read + refused);
        assertTrue(read > 1000 && refused > 500, read + " read, " + refused + " refused");
    }

    @Test
    void oneBadTuneNeverStopsTheRestOfACollection() {
        String good = "X:1\nT:Good\nM:6/8\nL:1/8\nK:G\nGAB c2d|]\n";
        String text = good + "\nX:2\nT:Bad\nM:4/4\nL:1/8\nQ:1/4=99999999999999\nK:C\nAB|]\n"
                + "\nX:3\nT:Endless\nK:C\nA/0 B|]\n\nX:4\nT:Empty tuplet\nK:C\n(0:2:3ABC|]\n\n" + good.replace("X:1", "X:5");
        var collection = AbcParser.parseCollection(text);
        assertEquals(2, collection.tunes().size());
        List<String> messages = collection.failures().stream().map(Exception::getMessage).toList();
        assertEquals(3, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("tune 2 (Bad), line 12, column 3: a tempo"), messages.get(0));
        assertTrue(messages.get(1).startsWith("tune 3 (Endless), line 19, column 3: a note length divided by 0"), messages.get(1));
        assertTrue(messages.get(2).startsWith("tune 4 (Empty tuplet), line 24, column 2: a tuplet"), messages.get(2));
    }

    @Tag("slow")
    @Test
    void damagedMidiFilesReadOrSayWhatIsWrongWithThem(@TempDir Path dir) throws IOException {
        List<String> tunes = tunes();
        Random random = new Random(7);
        int read = 0, refused = 0;
        for (int i = 0; i < 2000; i++) {
            Tune tune = AbcParser.parseCollection(tunes.get(random.nextInt(tunes.size()))).tunes().stream().findFirst().orElse(null);
            if (tune == null) continue;
            byte[] bytes = MidiFiles.bytes(tune);
            int edits = 1 + random.nextInt(3);
            for (int e = 0; e < edits; e++) bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            Path file = Files.write(dir.resolve("case.mid"), bytes);
            try {
                assertPlayable(MidiFiles.read(file), "case " + i);
                read++;
            } catch (IOException e) {
                assertTrue(e.getMessage().contains("case.mid"), e.getMessage());
                refused++;
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " escaped with " + e, e);
            }
        }
        System.out.printf("%d damaged MIDI files: %d read, %d refused with a reason%n", read + refused, read, refused);
        assertTrue(read > 500 && refused > 50, read + " read, " + refused + " refused");
    }

    @Test
    void malformedMetaEventsAreNamed(@TempDir Path dir) throws Exception {
        assertMidiError(dir, new javax.sound.midi.MetaMessage(0x51, new byte[] {1}, 1), "tempo event at tick 0 has 1 bytes");
        assertMidiError(dir, new javax.sound.midi.MetaMessage(0x51, new byte[] {0, 0, 0}, 3), "0 microseconds");
        assertMidiError(dir, new javax.sound.midi.MetaMessage(0x58, new byte[] {4, 40, 24, 8}, 4), "1/2^40");
        assertMidiError(dir, new javax.sound.midi.MetaMessage(0x59, new byte[] {1}, 1), "key signature event");
    }

    private static void assertMidiError(Path dir, javax.sound.midi.MetaMessage meta, String expected) throws Exception {
        var sequence = MidiFiles.sequence(AbcParser.parseAll("X:1\nT:t\nK:C\nCDE|]\n").get(0), 0);
        sequence.getTracks()[0].add(new javax.sound.midi.MidiEvent(meta, 0));
        Path file = dir.resolve("meta.mid");
        javax.sound.midi.MidiSystem.write(sequence, 0, file.toFile());
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> MidiFiles.read(file));
        assertTrue(e.getMessage().contains(expected) && e.getMessage().contains("meta.mid"), e.getMessage());
    }
}
