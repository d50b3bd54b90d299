package creativeai.music;

import creativeai.data.DataStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The course's folk-tune corpus: O'Neill's Music of Ireland (the "1850 melodies", 1903) in ABC, parsed into
 * melodies. Transcriptions the parser cannot read are listed apart, with the line and column.
 */
public final class Melodies {
    private Melodies() {
    }

    public static AbcParser.Collection oneills() {
        return oneills(DataStore.standard());
    }

    public static AbcParser.Collection oneills(DataStore store) {
        return AbcParser.parseCollection(text(store.path("oneills-1850")));
    }

    /** The soundfont (General MIDI, 6 MB) the music chapter renders audio with. */
    public static Path soundFont() {
        return DataStore.standard().path("soundfont-gm");
    }

    static String text(Path gz) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
