package creativeai.data;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The course's text corpora, read from the verified course data: Moby-Dick (English prose, 1.2 MB) and
 * Shakespeare's 154 sonnets.
 */
public final class Corpora {
    private Corpora() {
    }

    /** One sonnet: its number and its lines. */
    public record Sonnet(int number, List<String> lines) {
        public String text() {
            return String.join("\n", lines);
        }
    }

    /** Herman Melville, Moby-Dick (1851), the whole novel as one string. */
    public static String mobyDick() {
        return mobyDick(DataStore.standard());
    }

    public static String mobyDick(DataStore store) {
        return read(store.path("moby-dick"));
    }

    /** William Shakespeare, the sonnets (1609), in order. */
    public static List<Sonnet> sonnets() {
        return sonnets(DataStore.standard());
    }

    /** The sonnets as one text, a blank line between one and the next: what the text chapters learn from. */
    public static String sonnetText() {
        return String.join("\n\n", sonnets().stream().map(Sonnet::text).toList());
    }

    /** The npm package keeps the sonnets as a JSON array inside a JavaScript module: the array is read as JSON. */
    public static List<Sonnet> sonnets(DataStore store) {
        Path file = store.path("shakespeare-sonnets");
        String js = read(file);
        int start = js.indexOf('[');
        int end = js.lastIndexOf(']');
        if (start < 0 || end < start) throw new DataException(file + " holds no sonnet array");
        try {
            return List.of(new Gson().fromJson(js.substring(start, end + 1), Sonnet[].class));
        } catch (JsonParseException e) {
            throw new DataException(file + " does not hold the sonnets in the expected form: " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
